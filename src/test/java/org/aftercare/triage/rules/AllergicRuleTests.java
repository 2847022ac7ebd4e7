package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AllergicRuleTests {

	private final Rule rule = new AllergicRule();

	@ParameterizedTest(name = "R2 {0}")
	@EnumSource(value = Symptom.class,
			names = { "HIVES_OR_ITCHY_WELTS", "WHEEZING", "FACE_LIPS_TONGUE_SWELLING", "FEELING_FAINT" })
	void flagsEveryAllergicSymptomAsEmergencyEvenWhenMild(Symptom symptom) {
		List<Finding> findings = report(entry(symptom).severity(1)).evaluateWith(rule);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R2_ALLERGIC);
			assertThat(finding.priority()).isEqualTo(Priority.EMERGENCY);
			assertThat(finding.symptoms()).containsExactly(symptom);
		});
	}

	@ParameterizedTest(name = "R2 ignores {0}")
	@EnumSource(value = Symptom.class,
			names = { "HIVES_OR_ITCHY_WELTS", "WHEEZING", "FACE_LIPS_TONGUE_SWELLING", "FEELING_FAINT" },
			mode = EnumSource.Mode.EXCLUDE)
	void ignoresNonAllergicSymptomsSuchAsLocalSwelling(Symptom symptom) {
		assertThat(report(entry(symptom).severity(9)).evaluateWith(rule)).isEmpty();
	}

}
