package org.aftercare.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.account.InvitationIssued;
import org.aftercare.account.PasswordResetRequested;
import org.aftercare.account.SignInLinkRequested;
import org.aftercare.account.TwoFactorReset;
import org.aftercare.patient.PatientId;
import org.aftercare.report.CheckInLinkRequested;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.FlagEscalated;
import org.aftercare.triage.FlagRaised;

/**
 * E-mails not sent yet: the durable event publications whose listener (this module's) has
 * not succeeded. Each keeps its serialised event, which may name a patient or carry their
 * address, until it is sent. The patient's erasure drops those about the patient, through
 * Spring Modulith's own repository of publications, recognising each event by the fields
 * that name whom it concerns.
 */
@Service
public class PendingNotifications {

	private static final Logger log = LoggerFactory.getLogger(PendingNotifications.class);

	/** Whom each event this module turns into an e-mail concerns. */
	static final Map<Class<?>, Function<Object, Subject>> SUBJECTS = Map.ofEntries(
			subject(FlagRaised.class, (e) -> Subject.patient(e.clinicId(), e.patientId())),
			subject(FlagEscalated.class, (e) -> Subject.patient(e.clinicId(), e.patientId())),
			subject(CheckInReminderDue.class, (e) -> Subject.patient(e.clinicId(), e.patientId())),
			subject(CheckInLinkRequested.class, (e) -> Subject.patient(e.clinicId(), e.patientId())),
			subject(InvitationIssued.class, (e) -> new Subject(e.clinicId(), e.patientId(), e.email())),
			subject(PasswordResetRequested.class, (e) -> Subject.address(e.clinicId(), e.email())),
			subject(SignInLinkRequested.class, (e) -> Subject.address(e.clinicId(), e.email())),
			subject(TwoFactorReset.class, (e) -> Subject.address(e.clinicId(), e.email())));

	private final EventPublicationRepository publications;

	PendingNotifications(EventPublicationRepository publications) {
		this.publications = publications;
	}

	/**
	 * The patient's erasure, this module's part, in the caller's transaction: e-mails
	 * still waiting that concern the patient, or go to one of their addresses in their
	 * clinic, are never sent.
	 * @return how many were dropped
	 */
	@Transactional
	public int erasePatient(ClinicId clinicId, PatientId patientId, Collection<String> emails) {
		Set<String> addresses = emails.stream().map(PendingNotifications::normalised).collect(Collectors.toSet());
		List<UUID> about = new ArrayList<>();
		for (TargetEventPublication publication : this.publications.findIncompletePublications()) {
			subjectOf(publication).filter((subject) -> subject.concerns(clinicId, patientId.value(), addresses))
				.ifPresent((subject) -> about.add(publication.getIdentifier()));
		}
		if (!about.isEmpty()) {
			this.publications.deletePublications(about);
			log.info("Erased patient {}: {} pending event publication(s) dropped", patientId, about.size());
		}
		return about.size();
	}

	private static Optional<Subject> subjectOf(TargetEventPublication publication) {
		Object event;
		try {
			event = publication.getEvent();
		}
		catch (RuntimeException ex) {
			log.warn("Event publication {} could not be read: {}", publication.getIdentifier(), ex.toString());
			return Optional.empty();
		}
		Function<Object, Subject> subject = SUBJECTS.get(event.getClass());
		if (subject == null) {
			log.warn("Event publication {} holds a {}, which names no patient this module knows of",
					publication.getIdentifier(), event.getClass().getName());
			return Optional.empty();
		}
		return Optional.of(subject.apply(event));
	}

	private static <T> Map.Entry<Class<?>, Function<Object, Subject>> subject(Class<T> type, Function<T, Subject> of) {
		return Map.entry(type, (event) -> of.apply(type.cast(event)));
	}

	private static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whom an event concerns: a patient of a clinic, an address in a clinic, or both
	 * ({@code null} where the event does not say).
	 */
	record Subject(ClinicId clinicId, UUID patientId, String email) {

		static Subject patient(ClinicId clinicId, PatientId patientId) {
			return new Subject(clinicId, patientId.value(), null);
		}

		static Subject address(ClinicId clinicId, String email) {
			return new Subject(clinicId, null, email);
		}

		boolean concerns(ClinicId clinicId, UUID patientId, Set<String> addresses) {
			return clinicId.equals(this.clinicId) && (patientId.equals(this.patientId)
					|| (this.email != null && addresses.contains(normalised(this.email))));
		}

	}

}
