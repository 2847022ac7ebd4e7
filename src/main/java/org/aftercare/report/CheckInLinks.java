package org.aftercare.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.account.AccountService;
import org.aftercare.account.PatientLogin;
import org.aftercare.account.Tokens;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.treatment.CheckInId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.CheckInState;
import org.aftercare.web.Ids;

/**
 * Check-in links: the link in a check-in e-mail lets whoever holds it answer that one
 * check-in, "No new symptoms" with one tap or the full report, and see the advice,
 * without signing in. Nothing else: no history, no earlier reports, no profile. A link
 * works from when it is issued until its check-in's window closes (the clinic's setting,
 * from when it fell due) or the check-in is answered, whichever way; only the SHA-256 of
 * its 256-bit token is stored.
 */
@Service
public class CheckInLinks {

	/** What {@link Tokens#newToken()} makes: 32 random bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final TreatmentService treatments;

	private final ClinicService clinics;

	private final AccountService accounts;

	private final ReportService reports;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	CheckInLinks(JdbcClient jdbc, TreatmentService treatments, ClinicService clinics, AccountService accounts,
			ReportService reports, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.treatments = treatments;
		this.clinics = clinics;
		this.accounts = accounts;
		this.reports = reports;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What a link is worth now. */
	enum State {

		VALID,
		/** Its window closed, or the patient has had a newer treatment since. */
		EXPIRED,
		/** Its check-in is answered. */
		ANSWERED,
		/** The patient's login is disabled or erased. */
		LOGIN_DISABLED

	}

	/** One stored link (never its token). */
	record Link(UUID id, UUID clinicId, UUID checkInId, UUID patientId, UUID treatmentId,
			Instant expiresAt) implements java.io.Serializable {
	}

	/**
	 * A link found by its token, what it is worth now, for whom, which check-in
	 * ({@code "P3D"}: day 3), the clinic's time zone and the patient's language (a tag).
	 */
	record Lookup(Link link, State state, UUID accountId, String offsetLabel, String timeZone, String language) {
	}

	/**
	 * A new link to the check-in, for an e-mail. Earlier links to it keep working (a
	 * reminder and the invitation may both carry one). Empty when the patient's login may
	 * not be used, or the check-in has no link to give any more.
	 */
	@Transactional
	public Optional<String> issue(ClinicId clinicId, CheckInId checkInId) {
		return this.treatments.findCheckIn(clinicId, checkInId).flatMap(this::issue);
	}

	/**
	 * A new link to the patient's check-in that is open now (fallen due, not answered,
	 * its window not closed), for the invitation e-mail or "send me a new link".
	 */
	@Transactional
	public Optional<IssuedCheckInLink> issueForOpenCheckIn(ClinicId clinicId, PatientId patientId) {
		Duration window = this.clinics.checkInLinkWindow(clinicId);
		return this.treatments.openCheckIn(clinicId, patientId, this.clock.instant(), window)
			.flatMap((checkIn) -> issue(checkIn).map((token) -> new IssuedCheckInLink(token, checkIn.offset())));
	}

	private Optional<String> issue(CheckInState checkIn) {
		Instant now = this.clock.instant();
		Instant expires = checkIn.dueAt().plus(this.clinics.checkInLinkWindow(checkIn.clinicId()));
		if (checkIn.answeredAt() != null || !expires.isAfter(now)
				|| this.accounts.enabledPatientLogin(checkIn.clinicId(), checkIn.patientId().value()).isEmpty()) {
			return Optional.empty();
		}
		String token = Tokens.newToken();
		this.jdbc.sql("""
				INSERT INTO check_in_link (id, clinic_id, check_in_id, patient_id, treatment_id, token_hash,
				                           created_at, expires_at)
				VALUES (:id, :clinic, :checkIn, :patient, :treatment, :hash, :now, :expires)
				""")
			.param("id", Ids.next())
			.param("clinic", checkIn.clinicId().value())
			.param("checkIn", checkIn.id().value())
			.param("patient", checkIn.patientId().value())
			.param("treatment", checkIn.treatmentId().value())
			.param("hash", Tokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		return Optional.of(token);
	}

	/**
	 * The link a token names, with what it is worth now. Empty for a token that is not
	 * one of ours (unknown, mistyped, tampered with).
	 */
	Optional<Lookup> lookup(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		String hash = Tokens.hash(token);
		Optional<Link> link = ClinicScope.acrossClinics(ClinicScope.Reason.CHECK_IN_LINK,
				() -> this.readOnly.execute((status) -> this.jdbc.sql("""
						SELECT id, clinic_id, check_in_id, patient_id, treatment_id, expires_at
						FROM check_in_link WHERE token_hash = ?
						""").param(hash).query(CheckInLinks::link).optional()));
		// From here on, the link's own clinic.
		return link.map((found) -> ClinicScope.runInClinic(new ClinicId(found.clinicId()),
				() -> this.readOnly.execute((status) -> lookup(found))));
	}

	/** The link of a grant, as it stands now. Call within the link's clinic. */
	@Transactional(readOnly = true)
	State state(CheckInGrant grant) {
		return lookup(grant.link()).state();
	}

	private Lookup lookup(Link link) {
		Instant now = this.clock.instant();
		Optional<PatientLogin> account = this.accounts.enabledPatientLoginWithLanguage(new ClinicId(link.clinicId()),
				link.patientId());
		if (account.isEmpty()) {
			return new Lookup(link, State.LOGIN_DISABLED, null, null, null, null);
		}
		Optional<CheckInState> checkIn = this.treatments.findCheckIn(new ClinicId(link.clinicId()),
				new CheckInId(link.checkInId()));
		State state;
		if (checkIn.isEmpty() || !now.isBefore(link.expiresAt())
				|| !this.treatments.latestTreatmentId(new ClinicId(link.clinicId()), new PatientId(link.patientId()))
					.map((latest) -> latest.value().equals(link.treatmentId()))
					.orElse(false)) {
			state = State.EXPIRED;
		}
		else {
			state = (checkIn.get().answeredAt() != null) ? State.ANSWERED : State.VALID;
		}
		return new Lookup(link, state, account.get().accountId().value(),
				checkIn.map(CheckInState::offsetLabel).orElse(null),
				this.clinics.timeZone(new ClinicId(link.clinicId())), account.get().language());
	}

	/**
	 * Saves the grant holder's answer to its check-in, if the link still works; a form
	 * already sent (a double tap) answers the report it made. Call within the link's
	 * clinic.
	 * @throws LinkUnusableException when the link no longer works
	 */
	@Transactional
	ReportId answer(CheckInGrant grant, NewReport report) {
		Optional<ReportId> earlier = this.reports.findByFormToken(new ClinicId(grant.link().clinicId()),
				report.formToken());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (state(grant) != State.VALID) {
			throw new LinkUnusableException();
		}
		return new ReportId(this.reports.submitViaCheckInLink(report, grant.accountId()));
	}

	/** The holder of a working link opened its check-in: for the audit trail. */
	@Transactional
	void opened(CheckInGrant grant) {
		Link link = grant.link();
		this.audit.record(new AuditEvent(new ClinicId(link.clinicId()), link.patientId(),
				AuditAction.CHECK_IN_LINK_OPENED, "check_in", link.checkInId(), null), AuditOutcome.SUCCESS,
				grant.accountId(), "PATIENT");
	}

	/**
	 * "Send me a new link", from the page of a link that no longer works: a new link goes
	 * to the patient's own address if a check-in is open now, and nothing otherwise. Call
	 * within the patient's clinic.
	 */
	@Transactional
	void requestNewLink(UUID clinicId, UUID patientId) {
		Duration window = this.clinics.checkInLinkWindow(new ClinicId(clinicId));
		if (this.accounts.enabledPatientLogin(new ClinicId(clinicId), patientId).isEmpty()) {
			return;
		}
		this.treatments.openCheckIn(new ClinicId(clinicId), new PatientId(patientId), this.clock.instant(), window)
			.ifPresent((checkIn) -> this.events.publishEvent(new CheckInLinkRequested(new ClinicId(clinicId),
					new PatientId(patientId), checkIn.id(), checkIn.offset())));
	}

	/** Erasure: the patient's links go, used or not, and the throttle's count of them. */
	@Transactional
	int erase(ClinicId clinicId, PatientId patientId) {
		this.jdbc.sql("DELETE FROM check_in_link_attempt WHERE subject = ?")
			.param(CheckInLinkThrottle.patientKey(patientId.value()))
			.update();
		return this.jdbc.sql("DELETE FROM check_in_link WHERE clinic_id = ? AND patient_id = ?")
			.params(clinicId.value(), patientId.value())
			.update();
	}

	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("check_in_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("treatment_id", UUID.class), rs.getTimestamp("expires_at").toInstant());
	}

	/** The link of a grant no longer works. */
	static final class LinkUnusableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LinkUnusableException() {
			super("check-in link no longer usable", null, false, false);
		}

	}

}
