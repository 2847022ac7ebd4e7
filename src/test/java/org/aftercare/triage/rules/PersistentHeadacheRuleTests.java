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
import org.junit.jupiter.params.provider.MethodSource;

class PersistentHeadacheRuleTests {

	private final Rule rule = new PersistentHeadacheRule();

	static Stream<Arguments> durations() {
		return Stream.of(Arguments.of(days(2), null), Arguments.of(days(3), null),
				Arguments.of(days(3).plus(minutes(1)), Priority.MEDIUM), Arguments.of(days(4), Priority.MEDIUM),
				Arguments.of(days(7), Priority.MEDIUM), Arguments.of(days(7).plus(minutes(1)), Priority.HIGH),
				Arguments.of(days(21), Priority.HIGH));
	}

	@ParameterizedTest(name = "R6 ongoing headache for {0} -> {1}")
	@MethodSource("durations")
	void measuresAnOngoingHeadacheFromOnsetUntilNow(Duration lasted, Priority expected) {
		Duration start = hours(5);
		List<Finding> findings = report(headache(3).startedAfter(start)).now(start.plus(lasted)).evaluateWith(rule);

		assertPriority(findings, expected);
	}

	@ParameterizedTest(name = "R6 headache stopped after {0} -> {1}")
	@MethodSource("durations")
	void measuresAStoppedHeadacheFromOnsetUntilItStopped(Duration lasted, Priority expected) {
		Duration start = hours(5);
		List<Finding> findings = report(headache(3).startedAfter(start).stoppedAfter(start.plus(lasted))).now(days(30))
			.evaluateWith(rule);

		assertPriority(findings, expected);
	}

	@Test
	void flagsHeadacheLastingFourDaysAsMedium() {
		Finding finding = report(headache(null).startedAfter(hours(20))).now(hours(20).plus(days(4)))
			.evaluateWith(rule)
			.get(0);

		assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
		assertThat(finding.evidence()).isEqualTo(
				"headache (no new score), started 20 h after treatment, ongoing 4 days " + "(longer than 3 days)");
	}

	@Test
	void ignoresOtherLongLastingSymptoms() {
		assertThat(report(entry(Symptom.BRUISING).severity(3)).now(days(10)).evaluateWith(rule)).isEmpty();
	}

	private static void assertPriority(List<Finding> findings, Priority expected) {
		if (expected == null) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R6_PERSISTENT_HEADACHE);
			assertThat(finding.priority()).isEqualTo(expected);
		});
	}

}
