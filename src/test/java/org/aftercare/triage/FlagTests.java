package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.aftercare.patient.PatientId;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.Escalation;
import org.aftercare.triage.rules.Finding;
import org.aftercare.triage.rules.NoReplyRule;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.triage.rules.RuleSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flag's own state machine: which escalations it takes (R13), and the alerts it
 * registers for its repository's save to publish.
 */
class FlagTests {

	private static final Instant RAISED = Instant.parse("2025-03-04T10:00:00Z");

	private static final UUID CLINIC = UUID.randomUUID();

	private static final UUID PATIENT = UUID.randomUUID();

	@Test
	void aNewFlagRegistersOneFlagRaisedAndForgetsItOncePublished() {
		Flag flag = flag(Priority.HIGH);

		assertThat(flag.domainEvents()).singleElement()
			.isEqualTo(new FlagRaised(new FlagId(flag.id()), new ClinicId(CLINIC), new PatientId(PATIENT),
					"R10_INFECTION", Priority.HIGH, false));
		flag.clearDomainEvents();
		assertThat(flag.domainEvents()).isEmpty();
		assertThat(flag.isNew()).as("persisted, not merged, by its first save").isTrue();
	}

	@Test
	void laterEvidenceAlertsAgainOnlyWhenThePriorityGoesUp() {
		Flag flag = published(flag(Priority.MEDIUM));

		assertThat(flag.addEvidence(finding(Priority.MEDIUM), UUID.randomUUID(), RAISED.plusSeconds(60))).isFalse();
		assertThat(flag.domainEvents()).as("fire once: same priority, no alert").isEmpty();

		assertThat(flag.addEvidence(finding(Priority.HIGH), UUID.randomUUID(), RAISED.plusSeconds(120))).isTrue();
		assertThat(flag.domainEvents()).singleElement()
			.isEqualTo(new FlagRaised(new FlagId(flag.id()), new ClinicId(CLINIC), new PatientId(PATIENT),
					"R10_INFECTION", Priority.HIGH, true));
	}

	static Stream<Arguments> acknowledgementWait() {
		Duration second = Duration.ofSeconds(1);
		return Stream.of(Arguments.of(Priority.HIGH, Duration.ofHours(4), null),
				Arguments.of(Priority.HIGH, Duration.ofHours(4).plus(second), Priority.EMERGENCY),
				Arguments.of(Priority.EMERGENCY, Duration.ofMinutes(15), null),
				Arguments.of(Priority.EMERGENCY, Duration.ofMinutes(15).plus(second), Priority.EMERGENCY));
	}

	@ParameterizedTest(name = "R13 open {0} flag unacknowledged for {1} -> escalated to {2}")
	@MethodSource("acknowledgementWait")
	void anUnacknowledgedFlagEscalatesJustPastItsTargetAndReAlerts(Priority priority, Duration waited,
			Priority expected) {
		Flag flag = published(flag(priority));
		Instant now = RAISED.plus(waited);

		Optional<Escalation> escalation = NoReplyRule.check(flag.noReplyFacts(), RuleSettings.defaults(), now);
		escalation.ifPresent((e) -> flag.escalate(e, now));

		assertThat(escalation.map(Escalation::to).orElse(null)).isEqualTo(expected);
		assertThat(flag.priority()).isEqualTo(expected == null ? priority : expected);
		if (expected == null) {
			assertThat(flag.domainEvents()).isEmpty();
		}
		else {
			// EMERGENCY stays EMERGENCY, and the clinic is alerted again all the same.
			assertThat(flag.domainEvents()).singleElement()
				.isEqualTo(new FlagEscalated(new FlagId(flag.id()), new ClinicId(CLINIC), new PatientId(PATIENT),
						priority, expected, escalation.get().reason()));
		}
	}

	@Test
	void anAcknowledgedFlagIsNotEscalatedForItsAcknowledgementTarget() {
		Flag flag = published(flag(Priority.EMERGENCY));
		flag.acknowledge(UUID.randomUUID(), RAISED.plus(Duration.ofMinutes(10)));

		assertThat(NoReplyRule.check(flag.noReplyFacts(), RuleSettings.defaults(), RAISED.plus(Duration.ofHours(5))))
			.isEmpty();
	}

	static Stream<Arguments> followUpWait() {
		return Stream.of(Arguments.of(Duration.ofHours(48), null),
				Arguments.of(Duration.ofHours(48).plusSeconds(1), Priority.HIGH));
	}

	@ParameterizedTest(name = "R13 MEDIUM flag, no patient update {0} after the follow-up request -> {1}")
	@MethodSource("followUpWait")
	void aFollowUpWithoutAnswerEscalatesJustPastTheWait(Duration waited, Priority expected) {
		Flag flag = published(flag(Priority.MEDIUM));
		Instant requested = RAISED.plus(Duration.ofHours(1));
		flag.acknowledge(UUID.randomUUID(), RAISED.plus(Duration.ofMinutes(5)));
		flag.requestFollowUp(requested);
		Instant now = requested.plus(waited);

		NoReplyRule.check(flag.noReplyFacts(), RuleSettings.defaults(), now).ifPresent((e) -> flag.escalate(e, now));

		assertThat(flag.priority()).isEqualTo(expected == null ? Priority.MEDIUM : expected);
	}

	@Test
	void aResolvedFlagIsNotEscalated() {
		Flag flag = published(flag(Priority.HIGH));
		flag.resolve(UUID.randomUUID(), RAISED.plusSeconds(60), Outcome.RESOLVED, Causality.POSSIBLE,
				Seriousness.NON_SERIOUS, null, null);

		assertThatThrownBy(() -> flag.escalate(new Escalation(Priority.HIGH, Priority.EMERGENCY, "not acknowledged"),
				RAISED.plusSeconds(120)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(flag.priority()).isEqualTo(Priority.HIGH);
		assertThat(flag.domainEvents()).isEmpty();
	}

	static Stream<Arguments> refusedEscalations() {
		return Stream.of(Arguments.of(Priority.HIGH, Priority.HIGH, Priority.HIGH),
				Arguments.of(Priority.HIGH, Priority.HIGH, Priority.MEDIUM),
				Arguments.of(Priority.MEDIUM, Priority.MEDIUM, Priority.EMERGENCY),
				Arguments.of(Priority.MEDIUM, Priority.MEDIUM, Priority.MEDIUM),
				Arguments.of(Priority.EMERGENCY, Priority.EMERGENCY, Priority.HIGH),
				// A verdict reached on the flag as it was before it changed.
				Arguments.of(Priority.HIGH, Priority.MEDIUM, Priority.HIGH));
	}

	@ParameterizedTest(name = "R13 {0} flag refuses an escalation from {1} to {2}")
	@MethodSource("refusedEscalations")
	void anEscalationGoesOneLevelUpFromWhereTheFlagIs(Priority priority, Priority from, Priority to) {
		Flag flag = published(flag(priority));

		assertThatThrownBy(() -> flag.escalate(new Escalation(from, to, "test"), RAISED.plusSeconds(60)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(flag.priority()).isEqualTo(priority);
		assertThat(flag.domainEvents()).isEmpty();
	}

	private static Flag flag(Priority priority) {
		return new Flag(CLINIC, PATIENT, UUID.randomUUID(), finding(priority), UUID.randomUUID(), RAISED);
	}

	private static Flag published(Flag flag) {
		flag.clearDomainEvents();
		return flag;
	}

	private static Finding finding(Priority priority) {
		return new Finding(RuleCode.R10_INFECTION, priority, List.of(Symptom.INFECTION_SIGNS), "infection signs", false,
				false, List.of(), List.of());
	}

}
