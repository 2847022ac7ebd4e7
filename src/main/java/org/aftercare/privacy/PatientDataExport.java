package org.aftercare.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInRow;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.web.NotFoundException;

/**
 * Everything Aftercare holds about one patient, for the patient's own download: their
 * record and intake, treatments with their check-ins, every report with its entries, and
 * the flags raised about them. Each download is audited.
 */
@Service
class PatientDataExport {

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	PatientDataExport(PatientService patients, TreatmentService treatments, ReportService reports, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.patients = patients;
		this.treatments = treatments;
		this.reports = reports;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record PatientData(Instant exportedAt, PatientSummary patient, List<Episode> treatments, List<Flag> flags) {
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
		List<Episode> episodes = treatmentIds(clinicId, patientId).stream()
			.flatMap((id) -> this.treatments.find(new ClinicId(clinicId), new TreatmentId(id)).stream())
			.map((treatment) -> new Episode(treatment, this.treatments.checkIns(new ClinicId(clinicId), treatment.id()),
					this.reports.episode(new ClinicId(clinicId), treatment.id())
						.stream()
						.filter((report) -> report.patientId().value().equals(patientId))
						.toList()))
			.toList();
		this.audit.record(new AuditEvent(new ClinicId(clinicId), patientId, AuditAction.PATIENT_DATA_EXPORTED,
				"patient", patientId, format));
		return new PatientData(this.clock.instant(), patient, episodes, flags(clinicId, patientId));
	}

	// No module offers a patient's treatment list or flags: read them here, always
	// within the patient's own clinic.
	private List<UUID> treatmentIds(UUID clinicId, UUID patientId) {
		return this.jdbc.sql("""
				SELECT id FROM treatment WHERE clinic_id = ? AND patient_id = ? ORDER BY treated_at, id
				""").params(clinicId, patientId).query(UUID.class).list();
	}

	private List<Flag> flags(UUID clinicId, UUID patientId) {
		return this.jdbc.sql("""
				SELECT id, treatment_id, rule_code, priority, status, raised_at, resolved_at, outcome
				  FROM flag WHERE clinic_id = ? AND patient_id = ? ORDER BY raised_at, id
				""")
			.params(clinicId, patientId)
			.query((rs, n) -> new Flag(rs.getObject("id", UUID.class), rs.getObject("treatment_id", UUID.class),
					rs.getString("rule_code"), rs.getString("priority"), rs.getString("status"),
					rs.getTimestamp("raised_at").toInstant(),
					rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
					rs.getString("outcome")))
			.list();
	}

}
