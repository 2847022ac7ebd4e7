package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceTests {

	@ParameterizedTest(name = "{0} min -> {1}")
	@CsvSource({ "0, 0 min", "45, 45 min", "90, 1 h 30 min", "1560, 26 h", "4320, 3 days", "5940, 4 days 3 h", })
	void writesDurationsCompactly(long minutes, String expected) {
		assertThat(Evidence.duration(Duration.ofMinutes(minutes))).isEqualTo(expected);
	}

	@Test
	void describesAStoppedEntryWithItsInterferenceAndHowLongItLasted() {
		Evaluation evaluation = report(headache(6).interference(2).startedAfter(hours(3)).stoppedAfter(hours(9)))
			.now(hours(30))
			.build();

		assertThat(Evidence.entry(evaluation.report().entries().get(0), evaluation))
			.isEqualTo("headache 6/10, interference 2/4, started 3 h after treatment, stopped after 6 h");
	}

	@Test
	void describesASymptomThatStartedBeforeTreatment() {
		Evaluation evaluation = report(headache(2).startedAfter(hours(-5))).now(hours(1)).build();

		assertThat(Evidence.entry(evaluation.report().entries().get(0), evaluation))
			.isEqualTo("headache 2/10, started 5 h before treatment, ongoing 6 h");
	}

	@Test
	void rejectsScoresOutsideTheirScales() {
		Instant at = Fixtures.TREATED_AT;
		assertThatIllegalArgumentException().isThrownBy(
				() -> new EntryFacts(Symptom.HEADACHE, 11, null, at, true, null, null, false, false, false, at));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EntryFacts(Symptom.HEADACHE, 5, 5, at, true, null, null, false, false, false, at));
		assertThatIllegalArgumentException().isThrownBy(() -> new EntryFacts(Symptom.HEADACHE, 5, 1, at, false,
				at.minusSeconds(60), null, false, false, false, at));
	}

}
