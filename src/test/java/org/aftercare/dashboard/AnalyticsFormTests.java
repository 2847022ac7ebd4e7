package org.aftercare.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsFormTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	@Test
	void defaultsAreTheLastTwelveMonthsByProductForHeadache() {
		AnalyticsForm.Parsed parsed = new AnalyticsForm(null, "", null, null).parse(TODAY);
		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.criteria()).isEqualTo(
				new AnalyticsCriteria(LocalDate.of(2024, 6, 16), TODAY, AnalyticsDimension.PRODUCT, Symptom.HEADACHE));
	}

	@Test
	void reversedDatesAreAnErrorOnTheEndDate() {
		AnalyticsForm.Parsed parsed = new AnalyticsForm("2025-05-02", "2025-05-01", "INJECTOR", "BRUISING")
			.parse(TODAY);
		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.errors()).containsExactlyEntriesOf(java.util.Map.of("to", "analytics.error.reversed"));
	}

	@Test
	void eachBadFieldGetsItsOwnMessage() {
		AnalyticsForm.Parsed parsed = new AnalyticsForm("31/12/2024", "2025-01-01", "COLOUR", "HEADACHES").parse(TODAY);
		assertThat(parsed.errors()).containsEntry("from", "analytics.error.date")
			.containsEntry("dimension", "analytics.error.dimension")
			.containsEntry("symptom", "analytics.error.symptom");
		assertThat(parsed.criteria()).isNull();
	}

}
