package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnusualRuleTests {

	private final Rule rule = new UnusualRule();

	@ParameterizedTest(name = "R12 other symptom \"{0}\" severity {1}")
	@CsvSource({ "ringing in the ears, 1", "metallic taste, 6" })
	void flagsOtherSymptomAsMediumWithThePatientsDescription(String description, int severity) {
		List<Finding> findings = report(entry(Symptom.OTHER).severity(severity).describedAs(description))
			.evaluateWith(rule);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R12_UNUSUAL);
			assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
			assertThat(finding.evidence()).startsWith("other symptom \"" + description + "\" " + severity + "/10");
		});
	}

	@ParameterizedTest(name = "R12 ignores {0}")
	@CsvSource({ "HEADACHE", "NAUSEA", "DRY_OR_WATERY_EYES" })
	void ignoresListedSymptoms(Symptom symptom) {
		assertThat(report(entry(symptom).severity(3)).evaluateWith(rule)).isEmpty();
	}

}
