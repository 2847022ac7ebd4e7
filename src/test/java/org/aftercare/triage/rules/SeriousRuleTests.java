package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.only;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriousRuleTests {

	private final Rule rule = new SeriousRule();

	@ParameterizedTest(name = "R14 emergency department={0} admitted={1} -> serious={2}")
	@CsvSource({ "false, false, false", "true, false, true", "false, true, true", "true, true, true" })
	void marksEmergencyVisitOrAdmissionSeriousAndHigh(boolean emergencyDepartment, boolean admitted, boolean serious) {
		Fixtures.EvaluationBuilder report = report(headache(2));
		if (emergencyDepartment) {
			report.wentToEmergencyDepartment();
		}
		if (admitted) {
			report.admittedToHospital();
		}

		List<Finding> findings = report.evaluateWith(rule);

		if (!serious) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R14_SERIOUS);
			assertThat(finding.priority()).isEqualTo(Priority.HIGH);
			assertThat(finding.serious()).isTrue();
			assertThat(finding.evidence()).contains("reported: headache 2/10");
		});
	}

	@Test
	void keepsSeriousVisitAtLeastHighEvenWhenNoOtherRuleFires() {
		List<Finding> findings = report(entry(Symptom.BRUISING).severity(1)).wentToEmergencyDepartment().evaluate();

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R14_SERIOUS);
			assertThat(finding.priority()).isEqualTo(Priority.HIGH);
			assertThat(finding.evidence()).startsWith("went to an emergency department");
		});
	}

	@Test
	void leavesEmergencyFindingsOfTheSameReportAtEmergency() {
		List<Finding> findings = report(entry(Symptom.TROUBLE_BREATHING).severity(8)).admittedToHospital().evaluate();

		assertThat(only(findings, RuleCode.R1_DISTANT_SPREAD).priority()).isEqualTo(Priority.EMERGENCY);
		assertThat(only(findings, RuleCode.R14_SERIOUS).serious()).isTrue();
		assertThat(findings.get(0).rule()).isEqualTo(RuleCode.R1_DISTANT_SPREAD);
	}

}
