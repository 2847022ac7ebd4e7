package org.aftercare.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportPhotos;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInRow;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.triage.PatientFlags;
import org.aftercare.web.NotFoundException;

/**
 * Everything Aftercare holds about one patient, for the patient's own download: their
 * record and intake, treatments with their check-ins, every report with its entries, the
 * flags raised about them, and the photos they sent (listed here; their files come in the
 * ZIP download). Each download is audited.
 */
@Service
class PatientDataExport {

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final PatientFlags flags;

	private final ReportPhotos photos;

	private final AuditLog audit;

	private final Clock clock;

	PatientDataExport(PatientService patients, TreatmentService treatments, ReportService reports, PatientFlags flags,
			ReportPhotos photos, AuditLog audit, Clock clock) {
		this.patients = patients;
		this.treatments = treatments;
		this.reports = reports;
		this.flags = flags;
		this.photos = photos;
		this.audit = audit;
		this.clock = clock;
	}

	record PatientData(Instant exportedAt, PatientSummary patient, List<Episode> treatments, List<Flag> flags,
			List<ReportPhoto> photos) {
	}

	/** One treatment with its check-ins and every report about it, oldest first. */
	record Episode(TreatmentSummary treatment, List<CheckInRow> checkIns, List<ReportView> reports) {
	}

	/** A flag as the patient may see it: what rule, how urgent, what became of it. */
	record Flag(UUID id, UUID treatmentId, String rule, String priority, String status, Instant raisedAt,
			Instant resolvedAt, String outcome) {
	}

	/**
	 * The patient's data; {@code format} names the download in the audit trail.
	 */
	@Transactional
	@PreAuthorize("hasRole('PATIENT')")
	PatientData export(UUID clinicId, UUID patientId, String format) {
		PatientSummary patient = this.patients.find(new ClinicId(clinicId), new PatientId(patientId))
			.orElseThrow(() -> new NotFoundException("patient"));
		ClinicId clinic = new ClinicId(clinicId);
		List<Episode> episodes = this.treatments.treatmentsOf(clinic, new PatientId(patientId))
			.stream()
			.map((treatment) -> new Episode(treatment, this.treatments.checkIns(clinic, treatment.id()),
					this.reports.episode(clinic, treatment.id())
						.stream()
						.filter((report) -> report.patientId().value().equals(patientId))
						.toList()))
			.toList();
		this.audit
			.record(new AuditEvent(clinic, patientId, AuditAction.PATIENT_DATA_EXPORTED, "patient", patientId, format));
		List<Flag> flags = this.flags.of(clinic, new PatientId(patientId))
			.stream()
			.map((flag) -> new Flag(flag.id().value(), flag.treatmentId().value(), flag.ruleCode(), flag.priority(),
					flag.status(), flag.raisedAt(), flag.resolvedAt(), flag.outcome()))
			.toList();
		return new PatientData(this.clock.instant(), patient, episodes, flags,
				this.photos.allOfPatient(clinic, new PatientId(patientId)));
	}

	/** One of the patient's photos as stored, for the ZIP download. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('PATIENT')")
	Optional<byte[]> photo(UUID clinicId, UUID patientId, UUID photoId) {
		return this.photos.image(new ClinicId(clinicId), new PatientId(patientId), photoId);
	}

}
