package org.aftercare.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.notification.PendingNotifications;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.ReportErasure;
import org.aftercare.security.ClinicId;
import org.aftercare.security.SignedInSessions;
import org.aftercare.triage.PatientFlags;
import org.aftercare.web.NotFoundException;

/**
 * The right to erasure: a patient asks, an admin of their clinic decides. Approval asks
 * each module that holds something of the patient to erase its part, through its public
 * API and in one transaction (docs/modules.md): the patient's personal data is
 * pseudonymised and their login closed; the audit trail and the de-identified reports,
 * entries, flags and treatments remain.
 */
@Service
class Erasure {

	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final ErasureRequestRepository requests;

	private final PatientService patients;

	private final ReportErasure reports;

	private final PatientFlags flags;

	private final AccountService accounts;

	private final PendingNotifications notifications;

	private final SignedInSessions sessions;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	Erasure(ErasureRequestRepository requests, PatientService patients, ReportErasure reports, PatientFlags flags,
			AccountService accounts, PendingNotifications notifications, SignedInSessions sessions, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.patients = patients;
		this.reports = reports;
		this.flags = flags;
		this.accounts = accounts;
		this.notifications = notifications;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A request waiting for the admin, with whose it is. */
	record Waiting(UUID id, UUID patientId, String patientName, Instant requestedAt) {
	}

	/** The patient's request still waiting for a decision, if any. */
	@Transactional(readOnly = true)
	Optional<Instant> waitingSince(UUID clinicId, UUID patientId) {
		return this.requests.findByClinicIdAndPatientIdAndDecisionIsNull(clinicId, patientId)
			.map(ErasureRequest::requestedAt);
	}

	/** Asking again while a request waits is the same request. */
	@Transactional
	@PreAuthorize("hasRole('PATIENT')")
	Instant request(UUID clinicId, UUID patientId) {
		Optional<ErasureRequest> waiting = this.requests.findByClinicIdAndPatientIdAndDecisionIsNull(clinicId,
				patientId);
		if (waiting.isPresent()) {
			return waiting.get().requestedAt();
		}
		ErasureRequest request = this.requests.save(new ErasureRequest(clinicId, patientId, this.clock.instant()));
		this.audit.record(new AuditEvent(new ClinicId(clinicId), patientId, AuditAction.ERASURE_REQUESTED,
				"erasure_request", request.id(), null));
		return request.requestedAt();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	List<Waiting> waiting(UUID clinicId) {
		return this.jdbc.sql("""
				SELECT r.id, r.patient_id, r.patient_name AS name, r.requested_at
				  FROM read_model.erasure_request_list r
				 WHERE r.clinic_id = ? AND r.decision IS NULL
				 ORDER BY r.requested_at, r.id
				""")
			.param(clinicId)
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("name"), rs.getTimestamp("requested_at").toInstant()))
			.list();
	}

	/**
	 * Erases the patient: name, contact details, day and month of birth, their photos,
	 * everything they wrote and what clinicians wrote about them are replaced or removed,
	 * e-mails about them still waiting to be sent are dropped, their login and its traces
	 * go and, once this commits, their sessions end.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	void approve(UUID clinicId, UUID requestId, UUID adminId) {
		ErasureRequest request = waitingRequest(clinicId, requestId);
		request.decide(ErasureRequest.Decision.APPROVED, adminId, this.clock.instant());
		UUID patientId = request.patientId();
		ClinicId clinic = new ClinicId(clinicId);
		PatientId patient = new PatientId(patientId);
		Optional<String> patientEmail = this.patients.find(clinic, patient).map((p) -> p.intake().email());
		this.patients.pseudonymise(clinic, patient);
		List<String> quotable = this.reports.erasePatient(clinic, patient);
		this.flags.erasePatient(clinic, patient, quotable);
		Optional<String> email = this.accounts.erasePatientLogin(clinic, patientId);
		int dropped = this.notifications.erasePatient(clinic, patient,
				Stream.concat(patientEmail.stream(), email.stream()).distinct().toList());
		this.audit.record(new AuditEvent(clinic, patientId, AuditAction.ERASURE_APPROVED, "erasure_request",
				request.id(), (dropped > 0) ? "pending events dropped: " + dropped : null));
		// Sessions live outside this transaction: end them only once the erasure stands.
		email.ifPresent((address) -> TransactionSynchronizationManager
			.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					int ended = Erasure.this.sessions.endAllBut(address, null);
					log.info("Erased patient {}: {} session(s) ended", patientId, ended);
				}
			}));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	void decline(UUID clinicId, UUID requestId, UUID adminId) {
		ErasureRequest request = waitingRequest(clinicId, requestId);
		request.decide(ErasureRequest.Decision.DECLINED, adminId, this.clock.instant());
		this.audit.record(new AuditEvent(new ClinicId(clinicId), request.patientId(), AuditAction.ERASURE_DECLINED,
				"erasure_request", request.id(), null));
	}

	private ErasureRequest waitingRequest(UUID clinicId, UUID requestId) {
		return this.requests.findByIdAndClinicIdAndDecisionIsNull(requestId, clinicId)
			.orElseThrow(() -> new NotFoundException("erasure request"));
	}

}
