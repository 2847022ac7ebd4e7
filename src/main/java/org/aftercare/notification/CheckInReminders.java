package org.aftercare.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.CheckInLinkRequested;
import org.aftercare.report.CheckInLinks;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.DueCheckIn;
import org.aftercare.web.Languages;

/**
 * "How are you today?" e-mails. The job marks each due check-in reminded and publishes
 * one event for it, in one transaction under a PostgreSQL advisory lock, so that several
 * app instances remind once; the e-mail itself goes out after commit through the durable
 * event publication registry.
 */
@Component
class CheckInReminders {

	static final long LOCK = 0x4166746572_11L;

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(CheckInReminders.class);

	private final TreatmentService treatments;

	private final PatientService patients;

	private final ClinicService clinics;

	private final Mailer mailer;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String baseUrl;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final CheckInLinks links;

	private final Languages languages;

	CheckInReminders(Languages languages, MessageSource messages, TreatmentService treatments, PatientService patients,
			ClinicService clinics, Mailer mailer, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
			@Value("${aftercare.base-url}") String baseUrl, PlatformTransactionManager transactions,
			CheckInLinks links) {
		this.links = links;
		this.languages = languages;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactions);
		this.treatments = treatments;
		this.patients = patients;
		this.clinics = clinics;
		this.mailer = mailer;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Scheduled(fixedDelayString = "${aftercare.jobs.check-in-reminder-delay:PT5M}",
			initialDelayString = "${aftercare.jobs.start-delay:PT20S}")
	void scheduled() {
		remindDue();
	}

	/**
	 * Returns how many reminders were queued, or -1 when another instance holds the lock.
	 * One transaction across clinics: due check-ins are found in all of them.
	 */
	int remindDue() {
		return ClinicScope.acrossClinics(ClinicScope.Reason.SCHEDULED_JOB,
				() -> this.transactions.execute((status) -> remindDueInTransaction()));
	}

	private int remindDueInTransaction() {
		boolean locked = Boolean.TRUE
			.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single());
		if (!locked) {
			return -1;
		}
		Instant now = this.clock.instant();
		List<DueCheckIn> due = this.treatments.dueCheckIns(now, BATCH);
		for (DueCheckIn checkIn : due) {
			this.treatments.markReminded(checkIn.clinicId(), checkIn.id(), now);
			this.events.publishEvent(
					new CheckInReminderDue(checkIn.id(), checkIn.clinicId(), checkIn.patientId(), checkIn.offset()));
		}
		if (!due.isEmpty()) {
			log.info("Queued {} check-in reminder(s)", due.size());
		}
		return due.size();
	}

	/**
	 * The reminder carries a link of its own to this check-in ({@link CheckInLinks}),
	 * made here rather than when the reminder fell due, so that its token is never stored
	 * in the event publication; a reminder sent again carries a new one. A patient whose
	 * login may not be used gets the sign-in page instead. In the patient's language.
	 */
	@ApplicationModuleListener
	void on(CheckInReminderDue due) {
		ClinicScope.runInClinic(due.clinicId(), () -> remind(due.clinicId(), due.patientId(),
				this.links.issue(due.clinicId(), due.checkInId()), due.offset()));
	}

	/** "Send me a new link" from the page of a link that no longer works. */
	@ApplicationModuleListener
	void on(CheckInLinkRequested requested) {
		ClinicScope.runInClinic(requested.clinicId(), () -> remind(requested.clinicId(), requested.patientId(),
				this.links.issue(requested.clinicId(), requested.checkInId()), requested.offset()));
	}

	private void remind(ClinicId clinicId, PatientId patientId, Optional<String> token, Duration offset) {
		this.patients.find(clinicId, patientId).ifPresent((patient) -> {
			ClinicSummary clinic = this.clinics.get(clinicId);
			String link = token.map((t) -> this.baseUrl + "/c/" + t).orElse(this.baseUrl + "/me/check-in");
			Locale locale = this.languages.of(patient.language());
			this.mailer.send(
					List.of(patient.intake().email()), "check-in", new Object[] { clinic.name() }, Map.of("name",
							patient.intake().givenName(), "clinic", clinic, "when", when(offset, locale), "link", link),
					locale);
		});
	}

	/** "2 hours" or "day 3": how the patient counts the time since their treatment. */
	private String when(Duration offset, Locale locale) {
		return offset.toHours() < 24
				? this.messages.getMessage("mail.check-in.hours", new Object[] { offset.toHours() }, locale)
				: this.messages.getMessage("mail.check-in.day", new Object[] { offset.toDays() }, locale);
	}

}
