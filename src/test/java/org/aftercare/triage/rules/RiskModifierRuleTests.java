package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.AMINOGLYCOSIDES;
import static org.aftercare.triage.rules.Fixtures.HYPERTENSION;
import static org.aftercare.triage.rules.Fixtures.HYPERTENSION_AND_NEUROMUSCULAR;
import static org.aftercare.triage.rules.Fixtures.NEUROMUSCULAR;
import static org.aftercare.triage.rules.Fixtures.NO_RISK;
import static org.aftercare.triage.rules.Fixtures.TOXIN_IN_LAST_4_MONTHS;
import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.only;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RiskModifierRuleTests {

	static Stream<Arguments> riskFactors() {
		Fixtures.EntryBuilder moderateHeadache = headache(5);
		Fixtures.EntryBuilder severeSwelling = entry(Symptom.SWELLING).severity(8);
		Fixtures.EntryBuilder droop = entry(Symptom.BROW_DROOP).severity(2);
		Fixtures.EntryBuilder breathing = entry(Symptom.TROUBLE_BREATHING).severity(4);
		return Stream.of(
				Arguments.of("no risk", NO_RISK, false, moderateHeadache, RuleCode.R5_MODERATE_HEADACHE,
						Priority.MEDIUM),
				Arguments.of("hypertension", HYPERTENSION, false, moderateHeadache, RuleCode.R5_MODERATE_HEADACHE,
						Priority.HIGH),
				Arguments.of("nose", NO_RISK, true, moderateHeadache, RuleCode.R5_MODERATE_HEADACHE, Priority.HIGH),
				Arguments.of("hypertension", HYPERTENSION, false, severeSwelling, RuleCode.R4_SEVERE, Priority.HIGH),
				Arguments.of("nose", NO_RISK, true, droop, RuleCode.R9_DROOP_OR_ASYMMETRY, Priority.MEDIUM),
				Arguments.of("neuromuscular", NEUROMUSCULAR, false, severeSwelling, RuleCode.R4_SEVERE,
						Priority.EMERGENCY),
				Arguments.of("neuromuscular", NEUROMUSCULAR, false, droop, RuleCode.R9_DROOP_OR_ASYMMETRY,
						Priority.HIGH),
				Arguments.of("neuromuscular", NEUROMUSCULAR, false, moderateHeadache, RuleCode.R5_MODERATE_HEADACHE,
						Priority.HIGH),
				Arguments.of("toxin", TOXIN_IN_LAST_4_MONTHS, false, droop, RuleCode.R9_DROOP_OR_ASYMMETRY,
						Priority.HIGH),
				Arguments.of("aminoglycosides", AMINOGLYCOSIDES, false, droop, RuleCode.R9_DROOP_OR_ASYMMETRY,
						Priority.HIGH),
				Arguments.of("neuromuscular", NEUROMUSCULAR, false, breathing, RuleCode.R1_DISTANT_SPREAD,
						Priority.EMERGENCY),
				Arguments.of("hypertension, neuromuscular and nose", HYPERTENSION_AND_NEUROMUSCULAR, true,
						moderateHeadache, RuleCode.R5_MODERATE_HEADACHE, Priority.HIGH));
	}

	@ParameterizedTest(name = "R11 {0} on {4} -> {5}")
	@MethodSource("riskFactors")
	void raisesHeadacheFindingsForHeadacheRisksAndEveryFindingForToxinRisks(String label, PatientFacts patient,
			boolean nose, Fixtures.EntryBuilder entry, RuleCode rule, Priority expected) {
		Fixtures.EvaluationBuilder report = report(entry).patient(patient);
		if (nose) {
			report.noseTreated();
		}

		Finding finding = only(report.evaluate(), rule);

		assertThat(finding.priority()).isEqualTo(expected);
		if (expected == finding.basePriority()) {
			assertThat(finding.adjustments()).isEmpty();
		}
		else {
			assertThat(finding.adjustments()).singleElement().satisfies(adjustment -> {
				assertThat(adjustment.by()).isEqualTo(RuleCode.R11_RISK_MODIFIER);
				assertThat(adjustment.to()).isEqualTo(expected);
			});
		}
	}

	@Test
	void recordsInTheEvidenceThatR11RaisedTheFindingAndWhy() {
		Finding finding = only(report(headache(5)).patient(HYPERTENSION_AND_NEUROMUSCULAR).evaluate(),
				RuleCode.R5_MODERATE_HEADACHE);

		assertThat(finding.basePriority()).isEqualTo(Priority.MEDIUM);
		assertThat(finding.evidence()).endsWith("; R11 raised MEDIUM to HIGH: neuromuscular disease, hypertension");
		assertThat(finding.adjustments()).containsExactly(new Adjustment(RuleCode.R11_RISK_MODIFIER, Priority.MEDIUM,
				Priority.HIGH, "neuromuscular disease, hypertension"));
	}

	@Test
	void doesNotRaiseAHospitalVisitForAHeadacheRiskButDoesForAToxinRisk() {
		Finding hypertensive = only(report(headache(2)).wentToEmergencyDepartment().patient(HYPERTENSION).evaluate(),
				RuleCode.R14_SERIOUS);
		Finding neuromuscular = only(report(headache(2)).wentToEmergencyDepartment().patient(NEUROMUSCULAR).evaluate(),
				RuleCode.R14_SERIOUS);

		assertThat(hypertensive.priority()).isEqualTo(Priority.HIGH);
		assertThat(neuromuscular.priority()).isEqualTo(Priority.EMERGENCY);
		assertThat(neuromuscular.serious()).isTrue();
	}

	@Test
	void raisesTheWorseningFindingTooSoItStaysAboveTheOthers() {
		List<Finding> findings = report(headache(5).startedAfter(hours(5)))
			.history(headache(3).startedAfter(hours(5)).reportedAfter(hours(6)))
			.patient(HYPERTENSION)
			.evaluate();

		assertThat(only(findings, RuleCode.R5_MODERATE_HEADACHE).priority()).isEqualTo(Priority.HIGH);
		assertThat(only(findings, RuleCode.R7_WORSENING).priority()).isEqualTo(Priority.EMERGENCY);
	}

}
