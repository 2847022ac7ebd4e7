package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DroopOrAsymmetryRuleTests {

	private final Rule rule = new DroopOrAsymmetryRule();

	@ParameterizedTest(name = "R9 {0}")
	@EnumSource(value = Symptom.class, names = { "EYELID_DROOP", "BROW_DROOP", "ASYMMETRY" })
	void flagsDroopOrAsymmetryAsMedium(Symptom symptom) {
		List<Finding> findings = report(entry(symptom).severity(2)).evaluateWith(rule);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R9_DROOP_OR_ASYMMETRY);
			assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
			assertThat(finding.symptoms()).containsExactly(symptom);
		});
	}

	@ParameterizedTest(name = "R9 ignores {0}")
	@EnumSource(value = Symptom.class, names = { "EYELID_DROOP", "BROW_DROOP", "ASYMMETRY" },
			mode = EnumSource.Mode.EXCLUDE)
	void ignoresOtherSymptoms(Symptom symptom) {
		assertThat(report(entry(symptom).severity(5)).evaluateWith(rule)).isEmpty();
	}

}
