package org.aftercare.notification;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.aftercare.account.AccountService;
import org.aftercare.account.InvitationIssued;
import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.CheckInLinks;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.triage.FlagEscalated;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRaised;
import org.aftercare.triage.rules.Priority;
import org.aftercare.web.Dates;
import org.aftercare.web.Languages;

/**
 * Turns events into e-mails. Each listener runs after the commit that published its
 * event, in its own transaction scoped to the event's clinic (no one is signed in on its
 * thread), and its publication is completed only when the mail server took the message:
 * exactly one e-mail per raise, and one interrupted by a crash is sent after the restart.
 */
@Component
class Notifications {

	private final Mailer mailer;

	private final ClinicService clinics;

	private final AccountService accounts;

	private final PatientService patients;

	private final String baseUrl;

	private final CheckInLinks checkInLinks;

	private final Languages languages;

	private final Dates dates;

	Notifications(Mailer mailer, ClinicService clinics, AccountService accounts, PatientService patients,
			@Value("${aftercare.base-url}") String baseUrl, CheckInLinks checkInLinks, Languages languages,
			Dates dates) {
		this.languages = languages;
		this.dates = dates;
		this.checkInLinks = checkInLinks;
		this.mailer = mailer;
		this.clinics = clinics;
		this.accounts = accounts;
		this.patients = patients;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** EMERGENCY and HIGH flags alert the clinic; MEDIUM ones wait in the queue. */
	@ApplicationModuleListener
	void on(FlagRaised raised) {
		if (raised.priority() == Priority.MEDIUM) {
			return;
		}
		ClinicScope.runInClinic(raised.clinicId(),
				() -> alert(raised.clinicId(), raised.patientId(), raised.flagId(), raised.priority(), "alert"));
	}

	/**
	 * R13: nobody acknowledged in time, or the patient did not answer; the clinic hears
	 * again.
	 */
	@ApplicationModuleListener
	void on(FlagEscalated escalated) {
		ClinicScope.runInClinic(escalated.clinicId(), () -> alert(escalated.clinicId(), escalated.patientId(),
				escalated.flagId(), escalated.to(), "escalation"));
	}

	/**
	 * A patient's invitation also carries a link to the check-in open now, if any (an
	 * invitation sent after the treatment): the first check-in needs no password. A
	 * patient's is in their language (staff's in English), its time in the clinic's zone.
	 */
	@ApplicationModuleListener
	void on(InvitationIssued invitation) {
		ClinicSummary clinic = ClinicScope.runInClinic(invitation.clinicId(),
				() -> this.clinics.get(invitation.clinicId()));
		Locale locale = invitation.staff() ? Languages.DEFAULT : this.languages.of(invitation.language());
		Map<String, Object> model = new HashMap<>(Map.of("name", invitation.displayName(), "clinic", clinic, "link",
				this.baseUrl + "/invitation/" + invitation.token(), "expires",
				this.dates.dateTime(invitation.expiresAt(), ZoneId.of(clinic.timeZone()), locale)));
		if (!invitation.staff() && invitation.patientId() != null) {
			ClinicScope
				.runInClinic(invitation.clinicId(),
						() -> this.checkInLinks.issueForOpenCheckIn(invitation.clinicId(),
								new PatientId(invitation.patientId())))
				.ifPresent((issued) -> model.put("checkInLink", this.baseUrl + "/c/" + issued.token()));
		}
		this.mailer.send(List.of(invitation.email()), invitation.staff() ? "staff-invitation" : "invitation",
				new Object[] { clinic.name() }, model, locale);
	}

	/**
	 * An alert names the priority and the patient's first name, and links to the flag: no
	 * other health data leaves the app by e-mail.
	 */
	private void alert(ClinicId clinicId, PatientId patientId, FlagId flagId, Priority priority, String template) {
		String firstName = this.patients.find(clinicId, patientId).map((p) -> p.intake().givenName()).orElse("");
		this.mailer.send(recipients(clinicId), template, new Object[] { priority.name(), firstName }, Map.of("priority",
				priority.name(), "firstName", firstName, "link", this.baseUrl + "/clinician/flags/" + flagId));
	}

	/**
	 * The clinic's on-call addresses, or, when none are set, its clinicians who can sign
	 * in.
	 */
	private List<String> recipients(ClinicId clinicId) {
		String onCall = this.clinics.onCallEmails(clinicId);
		if (onCall != null && !onCall.isBlank()) {
			return Arrays.stream(onCall.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		}
		return this.accounts.alertableClinicianEmails(clinicId);
	}

}
