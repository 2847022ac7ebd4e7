package org.aftercare.report;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.patient.PatientId;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.web.DraftKeys;
import org.aftercare.web.NotFoundException;

/**
 * The patient's report: the form of new symptoms, its submit, and a report they sent.
 * Updates to an earlier entry are {@link UpdateController}'s, check-ins
 * {@link RecoveryController}'s and {@link CheckInLinkController}'s.
 */
@Controller
class ReportController {

	private static final String FORM = "report/form";

	private final ReportService reports;

	private final TreatmentService treatments;

	private final ReportForms forms;

	private final PhotoUploads photos;

	private final DraftKeys draftKeys;

	ReportController(ReportService reports, TreatmentService treatments, ReportForms forms, PhotoUploads photos,
			DraftKeys draftKeys) {
		this.reports = reports;
		this.treatments = treatments;
		this.forms = forms;
		this.photos = photos;
		this.draftKeys = draftKeys;
	}

	/** The form's symptoms by group, other causes and answers. */
	@ModelAttribute
	void choices(Model model) {
		model.addAllAttributes(ReportForms.CHOICES);
	}

	@GetMapping("/me/reports/new")
	String showReportForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (this.treatments.latestFor(user.clinicId(), new PatientId(user.patientId())).isEmpty()) {
			return "report/no-treatment";
		}
		model.addAttribute("reportForm", this.forms.blank(user.zone()));
		model.addAttribute("draftKey", this.draftKeys.of(user));
		return "report/form";
	}

	/**
	 * The report with its photos ({@link PhotoUploads}): a photo refused, or "add these
	 * photos", shows the form again with everything typed and the photos accepted so far.
	 */
	@PostMapping("/me/reports")
	String submitReport(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("reportForm") ReportForm form,
			BindingResult result, @ModelAttribute("photoForm") PhotoForm photoForm, BindingResult photoBinding,
			Model model, HttpServletResponse response) {
		// Shown again (a field to correct, a photo refused, not saved yet), the form goes
		// on keeping its draft.
		model.addAttribute("draftKey", this.draftKeys.of(user));
		PhotoUploads.Upload upload = this.photos
			.upload(new PhotoUploads.Owner(user.clinicId(), user.patientId(), user.zone()), photoForm.post());
		String view = this.forms.submit(new ReportForms.Reporter(user.clinicId(), user.patientId(), user.zone()), form,
				result, model, response, (report) -> upload.saveOrHoldBack(report, response, FORM,
						(save) -> Submits.submitted(this.reports, user.clinicId(), report, save)));
		return upload.shown(view, FORM, ((ReportForm) model.getAttribute("reportForm")).formToken(), model, response);
	}

	@GetMapping("/me/reports/{id}")
	String showOwnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("report",
				this.reports.findForPatient(user.clinicId(), new PatientId(user.patientId()), new ReportId(id))
					.orElseThrow(() -> new NotFoundException("report")));
		model.addAttribute("canUpdate", true);
		return "report/detail";
	}

}
