package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class InfectionRuleTests {

	private final Rule rule = new InfectionRule();

	@ParameterizedTest(name = "R10 infection signs severity {0}")
	@NullSource
	@CsvSource({ "0", "3", "10" })
	void flagsInfectionSignsAsHighWhateverTheScore(Integer severity) {
		List<Finding> findings = report(entry(Symptom.INFECTION_SIGNS).severity(severity)).evaluateWith(rule);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R10_INFECTION);
			assertThat(finding.priority()).isEqualTo(Priority.HIGH);
		});
	}

	@ParameterizedTest(name = "R10 ignores {0}")
	@CsvSource({ "REDNESS", "SWELLING", "FLU_LIKE", "INJECTION_SITE_PAIN" })
	void ignoresLocalRednessSwellingAndFluLikeSymptoms(Symptom symptom) {
		assertThat(report(entry(symptom).severity(6)).evaluateWith(rule)).isEmpty();
	}

}
