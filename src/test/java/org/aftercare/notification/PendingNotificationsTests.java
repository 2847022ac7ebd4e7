package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;

import org.aftercare.account.AccountId;
import org.aftercare.account.PasswordResetRequested;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRaised;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's erasure drops the e-mails about them still waiting by what each event
 * says of whom it concerns: every event with a durable listener must say it, or an erased
 * patient's address could still be mailed.
 */
class PendingNotificationsTests {

	@Test
	void everyEventWithADurableListenerSaysWhomItConcerns() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		Set<Class<?>> events = new LinkedHashSet<>();
		scanner.findCandidateComponents("org.aftercare").forEach((candidate) -> {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			Arrays.stream(type.getDeclaredMethods())
				.filter((method) -> MergedAnnotations.from(method).isPresent(TransactionalEventListener.class))
				.forEach((method) -> events.add(method.getParameterTypes()[0]));
		});
		assertThat(events).as("events with a listener run after commit through the publication registry")
			.contains(FlagRaised.class, PasswordResetRequested.class, CheckInReminderDue.class);
		assertThat(PendingNotifications.SUBJECTS).containsOnlyKeys(events);
	}

	@Test
	void anEventConcernsThePatientByTheirIdOrAnAddressOfTheirsInTheirClinicOnly() {
		ClinicId clinic = new ClinicId(UUID.randomUUID());
		ClinicId otherClinic = new ClinicId(UUID.randomUUID());
		UUID patient = UUID.randomUUID();
		Set<String> addresses = Set.of("maria@example.test");

		assertThat(subject(new FlagRaised(new FlagId(UUID.randomUUID()), clinic, new PatientId(patient), "R4_SEVERE",
				Priority.HIGH, false))
			.concerns(clinic, patient, addresses)).isTrue();
		assertThat(subject(new FlagRaised(new FlagId(UUID.randomUUID()), clinic, new PatientId(UUID.randomUUID()),
				"R4_SEVERE", Priority.HIGH, false))
			.concerns(clinic, patient, addresses)).as("another patient's alert").isFalse();
		assertThat(subject(reset(clinic, " Maria@Example.TEST")).concerns(clinic, patient, addresses))
			.as("their address, in other letters")
			.isTrue();
		assertThat(subject(reset(clinic, "someone@example.test")).concerns(clinic, patient, addresses)).isFalse();
		assertThat(subject(reset(otherClinic, "maria@example.test")).concerns(clinic, patient, addresses))
			.as("another clinic's mail")
			.isFalse();
	}

	private static PasswordResetRequested reset(ClinicId clinic, String email) {
		return new PasswordResetRequested(clinic, new AccountId(UUID.randomUUID()), email, "Maria", "token",
				Instant.now().plus(Duration.ofMinutes(30)), "en");
	}

	private static PendingNotifications.Subject subject(Object event) {
		return PendingNotifications.SUBJECTS.get(event.getClass()).apply(event);
	}

}
