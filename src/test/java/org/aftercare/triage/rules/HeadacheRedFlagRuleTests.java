package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadacheRedFlagRuleTests {

	private final Rule rule = new HeadacheRedFlagRule();

	@ParameterizedTest(name = "R3 sudden={0} fever={1} neuro={2} -> flagged={3}")
	@CsvSource({ "false, false, false, false", "true,  false, false, true", "false, true,  false, true",
			"false, false, true,  true", "true,  true,  true,  true", })
	void flagsHeadacheWithAnyRedFlagAnswerAsEmergency(boolean sudden, boolean feverOrStiffNeck, boolean neurological,
			boolean flagged) {
		List<Finding> findings = report(headache(2).redFlags(sudden, feverOrStiffNeck, neurological))
			.evaluateWith(rule);

		if (!flagged) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R3_HEADACHE_RED_FLAG);
			assertThat(finding.priority()).isEqualTo(Priority.EMERGENCY);
			assertThat(finding.mayHaveOtherCause()).isTrue();
			assertThat(finding.evidence()).contains("may have a cause other than the treatment");
		});
	}

	@Test
	void namesTheRedFlagsInTheEvidence() {
		Finding finding = report(headache(9).redFlags(true, false, true)).evaluateWith(rule).get(0);

		assertThat(finding.evidence()).startsWith("headache 9/10")
			.contains("red flags: sudden and worst-ever, new neurological signs")
			.doesNotContain("fever");
	}

	@Test
	void ignoresRedFlagAnswersOnAnythingButAHeadache() {
		List<Finding> findings = report(entry(Symptom.NECK_PAIN).severity(3).redFlags(true, true, true))
			.evaluateWith(rule);

		assertThat(findings).isEmpty();
	}

}
