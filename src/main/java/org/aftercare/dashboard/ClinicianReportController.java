package org.aftercare.dashboard;

import java.time.Instant;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientService;
import org.aftercare.report.ReportService;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.web.NotFoundException;

/**
 * The clinician's view of the clinic's reports (the flag queue builds on it).
 */
@Controller
class ClinicianReportController {

	private final ClinicReportList list;

	private final ReportService reports;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final AuditLog audit;

	ClinicianReportController(ClinicReportList list, ReportService reports, PatientService patients,
			TreatmentService treatments, AuditLog audit) {
		this.audit = audit;
		this.list = list;
		this.reports = reports;
		this.patients = patients;
		this.treatments = treatments;
	}

	@GetMapping("/clinician/reports")
	@Transactional(readOnly = true)
	String showReports(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant beforeTime,
			@RequestParam(required = false) UUID beforeId, Model model) {
		ClinicReportList.Cursor after = (beforeTime != null && beforeId != null)
				? new ClinicReportList.Cursor(beforeTime, beforeId) : null;
		model.addAttribute("page", this.list.page(user.clinicId(), after));
		return "dashboard/reports";
	}

	@GetMapping("/clinician/reports/{id}")
	@Transactional
	String showReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		ReportService.ReportView report = this.reports.findForClinic(user.clinicId(), id)
			.orElseThrow(() -> new NotFoundException("report"));
		model.addAttribute("report", report);
		this.audit.record(new AuditLog.Event(user.clinicId(), report.patientId(), AuditAction.REPORT_VIEWED,
				"symptom_report", id, null));
		model.addAttribute("patient", this.patients.find(user.clinicId(), report.patientId())
			.orElseThrow(() -> new NotFoundException("patient")));
		model.addAttribute("treatment", this.treatments.find(user.clinicId(), report.treatmentId())
			.orElseThrow(() -> new NotFoundException("treatment")));
		return "dashboard/report";
	}

}
