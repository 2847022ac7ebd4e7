package org.aftercare.treatment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * The treatment facade: recording treatments with their check-in schedule, finding a
 * patient's episodes, the check-ins' reminders and answers, and the patient's
 * confirmation of the aftercare sheet, always within one clinic (the reminder job's
 * {@link #dueCheckIns} aside).
 */
@Service
public class TreatmentService {

	private final TreatmentRepository treatments;

	private final CheckInRepository checkIns;

	private final ClinicService clinics;

	private final AuditLog audit;

	private final Clock clock;

	private final EntityManager entityManager;

	TreatmentService(TreatmentRepository treatments, CheckInRepository checkIns, ClinicService clinics, AuditLog audit,
			Clock clock, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.treatments = treatments;
		this.checkIns = checkIns;
		this.clinics = clinics;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a treatment and schedules its check-ins from the clinic's offsets. A
	 * check-in already past when the treatment is recorded (a treatment entered late) is
	 * not scheduled: reminding the patient of it now would only confuse.
	 */
	@Transactional
	public TreatmentId record(ClinicId clinicId, NewTreatment treatment) {
		return new TreatmentId(record(clinicId.value(), treatment, null));
	}

	private UUID record(UUID clinicId, NewTreatment treatment, UUID formToken) {
		Instant now = this.clock.instant();
		Treatment saved = this.treatments.save(new Treatment(clinicId, treatment, now).withFormToken(formToken));
		for (Duration offset : this.clinics.checkInOffsets(new ClinicId(clinicId))) {
			if (treatment.treatedAt().plus(offset).isAfter(now)) {
				this.checkIns.save(new CheckIn(clinicId, treatment.patientId().value(), saved.id(),
						treatment.treatedAt(), offset));
			}
		}
		return saved.id();
	}

	/**
	 * A clinician records a treatment: as {@link #record}, audited in the same
	 * transaction. A form token already used (a double click, a refresh) records nothing
	 * and answers the treatment it recorded; two submits racing end in a unique-index
	 * violation for the second, which the caller answers the same way.
	 */
	@Transactional
	UUID recordByClinician(ClinicId clinicId, UUID formToken, NewTreatment treatment) {
		Optional<UUID> earlier = findByFormToken(clinicId, formToken);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		UUID id = record(clinicId.value(), treatment, formToken);
		this.audit.record(new AuditEvent(clinicId, treatment.patientId().value(), AuditAction.TREATMENT_RECORDED,
				"treatment", id, treatment.product() + ", " + treatment.areas().size() + " area(s)"));
		return id;
	}

	@Transactional(readOnly = true)
	Optional<UUID> findByFormToken(ClinicId clinicId, UUID formToken) {
		return this.treatments.findByClinicIdAndFormToken(clinicId.value(), formToken).map(Treatment::id);
	}

	@Transactional(readOnly = true)
	public Optional<TreatmentSummary> latestFor(ClinicId clinicId, PatientId patientId) {
		return latestEntity(clinicId.value(), patientId.value()).map(Treatment::summary);
	}

	@Transactional(readOnly = true)
	public Optional<TreatmentSummary> find(ClinicId clinicId, TreatmentId treatmentId) {
		// By primary key: no statement when this transaction already holds the
		// treatment (the triage of a report, right after the submit loaded it); else one
		// for the treatment and one for its areas, when the summary reads them. Not a
		// fetch graph: Hibernate planned the load of a graph on every call.
		return Optional.ofNullable(this.entityManager.find(Treatment.class, treatmentId.value()))
			.filter((treatment) -> treatment.clinicId().equals(clinicId.value()))
			.map(Treatment::summary);
	}

	/** Every treatment of the patient, oldest first: their episodes. */
	@Transactional(readOnly = true)
	public List<TreatmentSummary> treatmentsOf(ClinicId clinicId, PatientId patientId) {
		return this.treatments.findAllOfPatient(clinicId.value(), patientId.value())
			.stream()
			.map(Treatment::summary)
			.toList();
	}

	/**
	 * Check-ins that are due, not yet reminded and not yet answered, across all clinics,
	 * oldest first: the reminder job's work list.
	 */
	@Transactional(readOnly = true)
	public List<DueCheckIn> dueCheckIns(Instant now, int limit) {
		return this.checkIns.findDue(now, Limit.of(limit)).stream().map(CheckIn::toDue).toList();
	}

	/**
	 * Records that the patient was reminded of a check-in; only the first time counts.
	 */
	@Transactional
	public void markReminded(ClinicId clinicId, CheckInId checkInId, Instant at) {
		this.checkIns.markReminded(clinicId.value(), checkInId.value(), at);
	}

	/**
	 * A report answers every check-in of its treatment that had fallen due by then and
	 * was not yet answered. Returns how many it answered.
	 */
	@Transactional
	public int recordAnswer(ClinicId clinicId, TreatmentId treatmentId, Instant at, UUID reportId) {
		return this.checkIns.markAnswered(clinicId.value(), treatmentId.value(), at, reportId);
	}

	/** One check-in of the clinic. */
	@Transactional(readOnly = true)
	public Optional<CheckInState> findCheckIn(ClinicId clinicId, CheckInId checkInId) {
		return this.checkIns.findByClinicIdAndId(clinicId.value(), checkInId.value()).map(CheckIn::toState);
	}

	/**
	 * The check-in of the patient's latest treatment that a link may answer now: fallen
	 * due no longer than {@code window} ago and not answered; the latest such one.
	 */
	@Transactional(readOnly = true)
	public Optional<CheckInState> openCheckIn(ClinicId clinicId, PatientId patientId, Instant now, Duration window) {
		return latestEntity(clinicId.value(), patientId.value()).flatMap((treatment) -> this.checkIns
			.findByClinicIdAndTreatmentIdOrderByDueAtAsc(clinicId.value(), treatment.id())
			.stream()
			.map(CheckIn::toState)
			.filter((c) -> c.answeredAt() == null && !c.dueAt().isAfter(now) && c.dueAt().plus(window).isAfter(now))
			.reduce((first, second) -> second));
	}

	/** The id of the patient's latest treatment, whose episode a new report joins. */
	@Transactional(readOnly = true)
	public Optional<TreatmentId> latestTreatmentId(ClinicId clinicId, PatientId patientId) {
		return latestEntity(clinicId.value(), patientId.value()).map((treatment) -> new TreatmentId(treatment.id()));
	}

	/** A treatment's check-ins, earliest first. */
	@Transactional(readOnly = true)
	public List<CheckInRow> checkIns(ClinicId clinicId, TreatmentId treatmentId) {
		return this.checkIns.findByClinicIdAndTreatmentIdOrderByDueAtAsc(clinicId.value(), treatmentId.value())
			.stream()
			.map(CheckIn::toRow)
			.toList();
	}

	/**
	 * The patient confirms reading the aftercare sheet, for their latest treatment.
	 * Returns when they (first) confirmed; empty when they have no treatment.
	 */
	@Transactional
	public Optional<Instant> confirmAftercare(ClinicId clinicId, PatientId patientId, Instant at) {
		return latestEntity(clinicId.value(), patientId.value()).map((treatment) -> {
			Instant confirmed = treatment.confirmAftercare(at);
			if (confirmed.equals(at)) {
				this.audit.record(new AuditEvent(clinicId, patientId.value(), AuditAction.AFTERCARE_CONFIRMED,
						"treatment", treatment.id(), null));
			}
			return confirmed;
		});
	}

	private Optional<Treatment> latestEntity(UUID clinicId, UUID patientId) {
		return this.treatments.findLatest(clinicId, patientId);
	}

}
