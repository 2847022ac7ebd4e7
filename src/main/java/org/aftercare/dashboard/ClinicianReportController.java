package org.aftercare.dashboard;

import java.time.Instant;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.aftercare.security.CurrentUser;

/**
 * The clinician's view of the clinic's reports (the flag queue builds on it).
 */
@Controller
class ClinicianReportController {

	private final ClinicianReportPages pages;

	ClinicianReportController(ClinicianReportPages pages) {
		this.pages = pages;
	}

	@GetMapping("/clinician/reports")
	String showReports(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant beforeTime,
			@RequestParam(required = false) UUID beforeId, Model model) {
		ClinicReportList.Cursor after = (beforeTime != null && beforeId != null)
				? new ClinicReportList.Cursor(beforeTime, beforeId) : null;
		model.addAttribute("page", this.pages.list(user.clinicId(), after));
		return "dashboard/reports";
	}

	@GetMapping("/clinician/reports/{id}")
	String showReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		ClinicianReportView view = this.pages.show(user.clinicId(), id);
		model.addAttribute("report", view.report());
		model.addAttribute("patient", view.patient());
		model.addAttribute("treatment", view.treatment());
		model.addAttribute("photos", view.photos());
		return "dashboard/report";
	}

}
