package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SevereRuleTests {

	private final Rule rule = new SevereRule();

	@ParameterizedTest(name = "R4 {0} severity={1} interference={2} -> flagged={3}")
	@CsvSource(nullValues = "null",
			value = { "HEADACHE,            6,    2,    false", "HEADACHE,            7,    null, true",
					"HEADACHE,            null, 2,    false", "HEADACHE,            null, 3,    true",
					"HEADACHE,            0,    4,    true", "HEADACHE,            10,   0,    true",
					"SWELLING,            7,    0,    true", "BRUISING,            6,    null, false",
					"INJECTION_SITE_PAIN, null, null, false", })
	void flagsSeverityFromSevenOrInterferenceFromThreeAsHigh(Symptom symptom, Integer severity, Integer interference,
			boolean flagged) {
		List<Finding> findings = report(entry(symptom).severity(severity).interference(interference))
			.evaluateWith(rule);

		if (!flagged) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R4_SEVERE);
			assertThat(finding.priority()).isEqualTo(Priority.HIGH);
			assertThat(finding.symptoms()).containsExactly(symptom);
		});
	}

	@ParameterizedTest(name = "R4 with severe threshold {0}: severity 7 flagged={1}")
	@CsvSource({ "6, true", "7, true", "8, false" })
	void usesTheClinicsSevereThreshold(int severeSeverity, boolean flagged) {
		List<Finding> findings = report(entry(Symptom.SWELLING).severity(7))
			.settings(Fixtures.settings(severeSeverity, 2, hours(72)))
			.evaluateWith(rule);

		assertThat(findings).hasSize(flagged ? 1 : 0);
	}

	@Test
	void writesTheScoreAndTimingIntoTheEvidence() {
		Finding finding = report(Fixtures.headache(8).startedAfter(hours(26))).now(hours(26 + 96))
			.evaluateWith(rule)
			.get(0);

		assertThat(finding.evidence()).isEqualTo("headache 8/10, started 26 h after treatment, ongoing 4 days");
	}

}
