package org.aftercare.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.web.NotFoundException;

/**
 * The patient's write path and the reads of reports. Every method is scoped to one
 * clinic, and the patient methods to one patient.
 */
@Service
public class ReportService {

	/** How many reports a history page shows at most. */
	static final int HISTORY_LIMIT = 200;

	private final SymptomReportRepository reports;

	private final TreatmentService treatments;

	private final AuditLog audit;

	private final Clock clock;

	private final EpisodeReports episodes;

	private final EntityManager entityManager;

	ReportService(SymptomReportRepository reports, TreatmentService treatments, AuditLog audit, Clock clock,
			EpisodeReports episodes, EntityManager entityManager) {
		this.reports = reports;
		this.treatments = treatments;
		this.audit = audit;
		this.clock = clock;
		this.episodes = episodes;
		this.entityManager = entityManager;
	}

	/**
	 * Saves a report against the patient's latest treatment; the save publishes
	 * {@link ReportSubmitted} in the same transaction. A form token already used returns
	 * the report it created, so a double submit saves once.
	 */
	@Transactional
	public ReportId submit(NewReport report) {
		return new ReportId(save(report, (event) -> this.audit.record(event)));
	}

	/**
	 * As {@link #submit}, by the holder of a check-in link (not signed in): the audit
	 * trail names the patient's login as the actor and says the answer came through the
	 * link.
	 */
	@Transactional
	UUID submitViaCheckInLink(NewReport report, UUID accountId) {
		return save(report,
				(event) -> this.audit.record(new AuditEvent(event.clinicId(), event.patientId(), event.action(),
						event.objectType(), event.objectId(), VIA_CHECK_IN_LINK), AuditOutcome.SUCCESS, accountId,
						"PATIENT"));
	}

	/** The audit detail of an answer given through a check-in link. */
	static final String VIA_CHECK_IN_LINK = "via check-in link";

	private UUID save(NewReport report, java.util.function.Consumer<AuditEvent> audit) {
		Optional<SymptomReport> earlier = this.reports.findByClinicIdAndFormToken(report.clinicId().value(),
				report.formToken());
		if (earlier.isPresent()) {
			return earlier.get().id();
		}
		TreatmentSummary treatment = this.treatments.latestFor(report.clinicId(), report.patientId())
			.orElseThrow(NoTreatmentException::new);
		checkUpdatesAreOwn(report);
		Instant now = this.clock.instant();
		SymptomReport saved = new SymptomReport(report, treatment.id().value(), treatment.treatedAt(), now);
		this.treatments.recordAnswer(report.clinicId(), treatment.id(), now, saved.id());
		// The save publishes the report's ReportSubmitted: triage evaluates the report
		// here, in this transaction, with the check-in it answers already marked.
		this.reports.save(saved);
		audit.accept(new AuditEvent(new ClinicId(saved.clinicId()), saved.patientId(), AuditAction.REPORT_SUBMITTED,
				"symptom_report", saved.id(), null));
		return saved.id();
	}

	/** An update may only point at the same patient's own earlier entries. */
	private void checkUpdatesAreOwn(NewReport report) {
		Set<UUID> updated = report.entries()
			.stream()
			.map(NewEntry::updatesEntryId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (!updated.isEmpty() && this.reports.countEntries(updated, report.clinicId().value(),
				report.patientId().value()) != updated.size()) {
			throw new NotFoundException("entry");
		}
	}

	/**
	 * The report a form token created, if any: how a resubmit that lost the race finds
	 * the first one.
	 */
	@Transactional(readOnly = true)
	public Optional<ReportId> findByFormToken(ClinicId clinicId, UUID formToken) {
		return this.reports.findByClinicIdAndFormToken(clinicId.value(), formToken)
			.map((report) -> new ReportId(report.id()));
	}

	@Transactional(readOnly = true)
	public Optional<ReportView> findForPatient(ClinicId clinicId, PatientId patientId, ReportId reportId) {
		return this.reports.findByIdAndClinicIdAndPatientId(reportId.value(), clinicId.value(), patientId.value())
			.map(SymptomReport::view);
	}

	@Transactional(readOnly = true)
	public Optional<ReportView> findForClinic(ClinicId clinicId, ReportId reportId) {
		return this.reports.findByIdAndClinicId(reportId.value(), clinicId.value()).map(SymptomReport::view);
	}

	/** One of the patient's own entries, for an update to it. */
	@Transactional(readOnly = true)
	public Optional<EntryView> findEntryForPatient(ClinicId clinicId, PatientId patientId, UUID entryId) {
		return this.reports.findEntry(entryId, clinicId.value(), patientId.value()).map(SymptomEntry::view);
	}

	/**
	 * Every report of one treatment episode, oldest first, with their entries: the
	 * history the flag rules weigh. One statement whatever their number, read straight
	 * into the views ({@link EpisodeReports}). In a transaction that writes, a report
	 * saved earlier in it (the one the submit's triage weighs) is flushed to the database
	 * first; a read-only one has nothing to flush, and checking its entities for changes
	 * cost the patient's recovery page, which holds up to 200 reports, a tenth of its
	 * time.
	 */
	@Transactional(readOnly = true)
	public List<ReportView> episode(ClinicId clinicId, TreatmentId treatmentId) {
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			this.entityManager.flush();
		}
		return this.episodes.read(clinicId.value(), treatmentId.value());
	}

	/**
	 * The patient's latest reports ({@link #HISTORY_LIMIT} at most), newest first, in one
	 * statement whatever their number.
	 */
	@Transactional(readOnly = true)
	public List<ReportView> history(ClinicId clinicId, PatientId patientId) {
		return this.reports.findLatestWithEntries(clinicId.value(), patientId.value())
			.stream()
			.map(SymptomReport::view)
			.toList();
	}

}
