package org.aftercare.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoReplyRuleTests {

	private static final Instant RAISED = Instant.parse("2025-03-04T10:00:00Z");

	private static final RuleSettings SETTINGS = RuleSettings.defaults();

	static Stream<Arguments> unacknowledged() {
		Duration second = Duration.ofSeconds(1);
		return Stream.of(Arguments.of(Priority.EMERGENCY, Duration.ofMinutes(15), null),
				Arguments.of(Priority.EMERGENCY, Duration.ofMinutes(15).plus(second), Priority.EMERGENCY),
				Arguments.of(Priority.HIGH, Duration.ofMinutes(16), null),
				Arguments.of(Priority.HIGH, Duration.ofHours(4), null),
				Arguments.of(Priority.HIGH, Duration.ofHours(4).plus(second), Priority.EMERGENCY),
				Arguments.of(Priority.MEDIUM, Duration.ofDays(3), null));
	}

	@ParameterizedTest(name = "R13 {0} flag unacknowledged for {1} -> {2}")
	@MethodSource("unacknowledged")
	void escalatesUnacknowledgedFlagsJustAfterTheirTarget(Priority priority, Duration waited, Priority expected) {
		OpenFlagFacts flag = new OpenFlagFacts(priority, RAISED, null, null, null);

		Optional<Escalation> escalation = NoReplyRule.check(flag, SETTINGS, RAISED.plus(waited));

		assertEscalation(escalation, priority, expected);
		escalation.ifPresent(e -> assertThat(e.reason()).contains("not acknowledged").contains("target"));
	}

	@Test
	void leavesAnAcknowledgedFlagAloneWhateverItsAge() {
		OpenFlagFacts flag = new OpenFlagFacts(Priority.EMERGENCY, RAISED, RAISED.plus(Duration.ofMinutes(40)), null,
				null);

		assertThat(NoReplyRule.check(flag, SETTINGS, RAISED.plus(Duration.ofHours(10)))).isEmpty();
	}

	static Stream<Arguments> followUps() {
		Instant requested = RAISED.plus(Duration.ofHours(1));
		Duration wait = Duration.ofHours(48);
		return Stream.of(Arguments.of(Priority.MEDIUM, null, wait, null),
				Arguments.of(Priority.MEDIUM, null, wait.plusSeconds(1), Priority.HIGH),
				Arguments.of(Priority.HIGH, null, wait.plusSeconds(1), Priority.EMERGENCY),
				Arguments.of(Priority.MEDIUM, requested.minus(Duration.ofMinutes(5)), wait.plusSeconds(1),
						Priority.HIGH),
				Arguments.of(Priority.MEDIUM, requested.plus(Duration.ofHours(30)), wait.plusSeconds(1), null),
				Arguments.of(Priority.MEDIUM, requested, wait.plusSeconds(1), null));
	}

	@ParameterizedTest(name = "R13 {0} flag, patient update {1}, {2} after follow-up request -> {3}")
	@MethodSource("followUps")
	void escalatesWhenThePatientDoesNotUpdateWithin48HoursOfAFollowUpRequest(Priority priority,
			Instant lastPatientUpdate, Duration sinceRequest, Priority expected) {
		Instant requested = RAISED.plus(Duration.ofHours(1));
		Instant acknowledged = RAISED.plus(Duration.ofMinutes(10));
		OpenFlagFacts flag = new OpenFlagFacts(priority, RAISED, acknowledged, requested, lastPatientUpdate);

		Optional<Escalation> escalation = NoReplyRule.check(flag, SETTINGS, requested.plus(sinceRequest));

		assertEscalation(escalation, priority, expected);
		escalation.ifPresent(e -> assertThat(e.reason()).startsWith("no patient update").endsWith("(wait 48 h)"));
	}

	@Test
	void restartsTheTargetAfterAnEscalationSoItReAlertsOncePerTarget() {
		Instant escalated = RAISED.plus(Duration.ofHours(4).plusMinutes(1));
		OpenFlagFacts flag = new OpenFlagFacts(Priority.EMERGENCY, RAISED, null, null, null, escalated);

		assertThat(NoReplyRule.check(flag, SETTINGS, escalated.plus(Duration.ofMinutes(15)))).isEmpty();
		assertThat(NoReplyRule.check(flag, SETTINGS, escalated.plus(Duration.ofMinutes(16))))
			.hasValueSatisfying(e -> assertThat(e.reason()).contains("after it was last escalated"));
	}

	@Test
	void givesBothReasonsWhenNeitherClinicNorPatientReplied() {
		OpenFlagFacts flag = new OpenFlagFacts(Priority.HIGH, RAISED, null, RAISED, null);

		Optional<Escalation> escalation = NoReplyRule.check(flag, SETTINGS, RAISED.plus(Duration.ofDays(3)));

		assertThat(escalation).hasValueSatisfying(e -> {
			assertThat(e.to()).isEqualTo(Priority.EMERGENCY);
			assertThat(e.reason()).contains("HIGH flag not acknowledged 3 days after it was raised (target 4 h)")
				.contains("no patient update 3 days after the follow-up request (wait 48 h)");
		});
	}

	private static void assertEscalation(Optional<Escalation> escalation, Priority from, Priority expected) {
		if (expected == null) {
			assertThat(escalation).isEmpty();
			return;
		}
		assertThat(escalation).hasValueSatisfying(e -> {
			assertThat(e.from()).isEqualTo(from);
			assertThat(e.to()).isEqualTo(expected);
		});
	}

}
