package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.only;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorseningRuleTests {

	/**
	 * Every case: an earlier entry for the symptom 6 h after treatment, the new one 24 h
	 * after. An ongoing headache of 4-6 meets R5 (MEDIUM), 7 or more meets R4 (HIGH);
	 * trouble breathing meets R1 (EMERGENCY).
	 */
	@ParameterizedTest(name = "R7 {0} {1} -> {2} ongoing={3}: other rules {4}, R7 {5}")
	@CsvSource(nullValues = "null", value = { "BRUISING,          2, 3, true,  null,      null",
			"BRUISING,          2, 4, true,  null,      MEDIUM", "HEADACHE,          3, 4, true,  MEDIUM,    null",
			"HEADACHE,          1, 3, true,  null,      MEDIUM", "HEADACHE,          3, 5, true,  MEDIUM,    HIGH",
			"HEADACHE,          5, 7, true,  HIGH,      EMERGENCY", "HEADACHE,          6, 3, true,  null,      null",
			"HEADACHE,          6, 6, true,  MEDIUM,    null", "TROUBLE_BREATHING, 2, 6, true,  EMERGENCY, EMERGENCY",
			"EYELID_DROOP,      1, 3, false, MEDIUM,    HIGH", })
	void raisesWorseningOneLevelAboveTheOtherRulesAndAtLeastMedium(Symptom symptom, int previous, int current,
			boolean ongoing, Priority others, Priority expected) {
		Fixtures.EntryBuilder now = entry(symptom).severity(current).startedAfter(hours(5));
		if (!ongoing) {
			now.stoppedAfter(hours(20));
		}
		List<Finding> findings = report(now)
			.history(entry(symptom).severity(previous).startedAfter(hours(5)).reportedAfter(hours(6)))
			.evaluate();

		Priority highestOther = findings.stream()
			.filter(finding -> finding.rule() != RuleCode.R7_WORSENING)
			.map(Finding::priority)
			.max(Enum::compareTo)
			.orElse(null);
		assertThat(highestOther).isEqualTo(others);
		if (expected == null) {
			assertThat(findings).noneMatch(finding -> finding.rule() == RuleCode.R7_WORSENING);
			return;
		}
		Finding worsening = only(findings, RuleCode.R7_WORSENING);
		assertThat(worsening.priority()).isEqualTo(expected);
		assertThat(worsening.symptoms()).containsExactly(symptom);
		assertThat(worsening.evidence()).startsWith(symptom.label() + " " + previous + "/10 -> " + current + "/10");
	}

	@Test
	void comparesWithTheLatestScoredEntrySkippingUpdatesWithoutAScore() {
		List<Finding> findings = report(entry(Symptom.SWELLING).severity(6))
			.history(entry(Symptom.SWELLING).severity(1).reportedAfter(hours(3)),
					entry(Symptom.SWELLING).severity(4).reportedAfter(hours(8)),
					entry(Symptom.SWELLING).severity(null).reportedAfter(hours(12)))
			.evaluate();

		assertThat(only(findings, RuleCode.R7_WORSENING).evidence())
			.startsWith("swelling 4/10 -> 6/10 (+2 since the entry 16 h earlier)");
	}

	@Test
	void ignoresEarlierEntriesOfOtherSymptoms() {
		List<Finding> findings = report(entry(Symptom.SWELLING).severity(6))
			.history(entry(Symptom.BRUISING).severity(1).reportedAfter(hours(3)))
			.evaluate();

		assertThat(findings).isEmpty();
	}

	@Test
	void needsTheClinicsWorseningStep() {
		List<Finding> findings = report(entry(Symptom.SWELLING).severity(4))
			.history(entry(Symptom.SWELLING).severity(2).reportedAfter(hours(3)))
			.settings(Fixtures.settings(7, 3, hours(72)))
			.evaluate();

		assertThat(findings).isEmpty();
	}

}
