package org.aftercare.dashboard;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientService;
import org.aftercare.report.ReportId;
import org.aftercare.report.ReportPhotos;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.web.NotFoundException;

/**
 * The clinic's reports as a clinician reads them: the list, and one report with its audit
 * row in the same transaction.
 */
@Service
class ClinicianReportPages {

	private final ClinicReportList list;

	private final ReportService reports;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportPhotos photos;

	private final AuditLog audit;

	ClinicianReportPages(ClinicReportList list, ReportService reports, PatientService patients,
			TreatmentService treatments, ReportPhotos photos, AuditLog audit) {
		this.list = list;
		this.reports = reports;
		this.patients = patients;
		this.treatments = treatments;
		this.photos = photos;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	ClinicReportList.Page list(ClinicId clinicId, ClinicReportList.Cursor after) {
		return this.list.page(clinicId.value(), after);
	}

	/** One report of the clinic; another clinic's does not exist here. */
	@Transactional
	ClinicianReportView show(ClinicId clinicId, UUID reportId) {
		ReportView report = this.reports.findForClinic(clinicId, new ReportId(reportId))
			.orElseThrow(() -> new NotFoundException("report"));
		this.audit.record(new AuditEvent(clinicId, report.patientId().value(), AuditAction.REPORT_VIEWED,
				"symptom_report", reportId, null));
		return new ClinicianReportView(report,
				this.patients.find(clinicId, report.patientId()).orElseThrow(() -> new NotFoundException("patient")),
				this.treatments.find(clinicId, report.treatmentId())
					.orElseThrow(() -> new NotFoundException("treatment")),
				this.photos.ofReport(clinicId, report.id()));
	}

}
