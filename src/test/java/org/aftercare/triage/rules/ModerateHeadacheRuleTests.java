package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.days;
import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.minutes;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModerateHeadacheRuleTests {

	private final Rule rule = new ModerateHeadacheRule();

	@ParameterizedTest(name = "R5 ongoing headache severity={0} interference={1} -> flagged={2}")
	@CsvSource(nullValues = "null",
			value = { "3,    null, false", "4,    null, true", "5,    1,    true", "6,    null, true",
					"7,    null, false", "null, 1,    false", "2,    2,    true", "null, 3,    false",
					"null, null, false", })
	void flagsOngoingModerateHeadacheAsMedium(Integer severity, Integer interference, boolean flagged) {
		List<Finding> findings = report(headache(severity).interference(interference)).evaluateWith(rule);

		if (!flagged) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R5_MODERATE_HEADACHE);
			assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
			assertThat(finding.evidence()).contains("ongoing");
		});
	}

	static Stream<Arguments> stoppedHeadaches() {
		return Stream.of(Arguments.of(hours(20), false), Arguments.of(days(2).plusHours(23), false),
				Arguments.of(days(3), false), Arguments.of(days(3).plus(minutes(1)), true),
				Arguments.of(days(5), true));
	}

	@ParameterizedTest(name = "R5 moderate headache stopped after {0} -> flagged={1}")
	@MethodSource("stoppedHeadaches")
	void recordsButDoesNotFlagModerateHeadacheOverWithinThreeDays(Duration lasted, boolean flagged) {
		Duration start = hours(2);
		List<Finding> findings = report(headache(5).startedAfter(start).stoppedAfter(start.plus(lasted))).now(days(10))
			.evaluateWith(rule);

		assertThat(findings).hasSize(flagged ? 1 : 0);
	}

	@Test
	void ignoresModerateSymptomsOtherThanHeadache() {
		assertThat(report(entry(Symptom.NECK_PAIN).severity(5).interference(2)).evaluateWith(rule)).isEmpty();
	}

}
