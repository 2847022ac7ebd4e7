package org.aftercare.interop;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A search's parameters as the API reads them: each {@code _lastUpdated} value is the
 * interval it denotes, at the precision it is written; anything it cannot read is a 400.
 */
class FhirSearchTests {

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "2026, 2026-01-01T00:00:00Z, 2027-01-01T00:00:00Z",
			"eq2026-02, 2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z", "ge2026-01-31, 2026-01-31T00:00:00Z, -",
			"gt2026-01-31, 2026-02-01T00:00:00Z, -", "lt2026-01-31, -, 2026-01-31T00:00:00Z",
			"le2026-01-31, -, 2026-02-01T00:00:00Z", "ge2026-01-31T10:15Z, 2026-01-31T10:15:00Z, -",
			"gt2026-01-31T10:15Z, 2026-01-31T10:16:00Z, -", "le2026-01-31T10:15:30+01:00, -, 2026-01-31T09:15:31Z",
			"eq2026-01-31T10:15:30.250Z, 2026-01-31T10:15:30.250Z, 2026-01-31T10:15:30.250001Z" })
	void lastUpdatedIsTheIntervalItsValueDenotes(String value, Instant from, Instant to) {
		FhirSearch search = FhirSearch.parse(Map.of("_lastUpdated", List.of(value)), false);
		assertThat(search.from()).isEqualTo(from);
		assertThat(search.to()).isEqualTo(to);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2026-1-5", "2026-13-01", "2026-02-30", "ne2026-01-01", "sa2026",
			"2026-01-31T10:15", "2026-01-31T25:00Z", "ge" })
	void aLastUpdatedItCannotReadIsRefused(String value) {
		assertThatThrownBy(() -> FhirSearch.parse(Map.of("_lastUpdated", List.of(value)), false))
			.isInstanceOfSatisfying(FhirException.class, (ex) -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@ParameterizedTest
	@CsvSource({ "'', 50", "1, 1", "200, 200", "5000, 200" })
	void countDefaultsTo50AndIsCutTo200(String count, int expected) {
		Map<String, List<String>> parameters = count.isEmpty() ? Map.of() : Map.of("_count", List.of(count));
		assertThat(FhirSearch.parse(parameters, false).count()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aRangeOfTwoValuesIsTheirIntersectionAndACursorRoundTrips(boolean subject) {
		UUID patient = UUID.randomUUID();
		UUID last = UUID.randomUUID();
		Instant at = Instant.parse("2026-03-04T05:06:07.123456Z");
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		parameters.put("_lastUpdated", List.of("ge2026-01", "lt2026-02"));
		parameters.put(subject ? "subject" : "patient", List.of("Patient/" + patient));
		parameters.put("_cursor", List.of(FhirSearch.cursor(at, last)));
		FhirSearch search = FhirSearch.parse(parameters, true);
		assertThat(search.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(search.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
		assertThat(search.patient()).isEqualTo(patient);
		assertThat(search.afterAt()).isEqualTo(at);
		assertThat(search.afterId()).isEqualTo(last);
		assertThat(search.page().limit()).as("one more than shown, to know of a next page").isEqualTo(51);
	}

	@ParameterizedTest
	@ValueSource(strings = { "patient", "name", "_sort", "_include" })
	void aParameterTheResourceDoesNotHaveIsRefused(String name) {
		assertThatThrownBy(() -> FhirSearch.parse(Map.of(name, List.of("x")), false)).isInstanceOf(FhirException.class)
			.hasMessageContaining(name);
	}

}
