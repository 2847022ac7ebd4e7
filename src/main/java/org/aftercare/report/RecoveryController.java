package org.aftercare.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.web.Ids;

/**
 * The patient's home: their treatment, aftercare sheet, check-ins and history with its
 * chart.
 */
@Controller
class RecoveryController {

	private final RecoveryPages pages;

	private final ReportService reports;

	private final TreatmentService treatments;

	private final ClinicService clinics;

	private final Clock clock;

	RecoveryController(RecoveryPages pages, ReportService reports, TreatmentService treatments, ClinicService clinics,
			Clock clock) {
		this.pages = pages;
		this.reports = reports;
		this.treatments = treatments;
		this.clinics = clinics;
		this.clock = clock;
	}

	@GetMapping("/me")
	String showRecovery(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		RecoveryView view = this.pages.show(user.clinicId(), user.patientId(), user.zone(), locale);
		model.addAttribute("treatment", view.treatment());
		model.addAttribute("reports", view.reports());
		if (view.treatment() != null) {
			model.addAttribute("nextCheckIn", view.nextCheckIn());
			model.addAttribute("chart", view.chart());
			model.addAttribute("checkInForm", new CheckInForm(Ids.next()));
		}
		model.addAllAttributes(view.additions());
		return "report/recovery";
	}

	/** The chart's data, for the script that draws it. */
	@GetMapping("/me/recovery/chart")
	@ResponseBody
	SeverityChart chartData(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		return this.pages.chart(user.clinicId(), user.patientId(), user.zone(), locale);
	}

	@GetMapping("/me/aftercare")
	String showAftercare(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("sheet", this.clinics.aftercareSheet(user.clinicId()));
		model.addAttribute("treatment",
				this.treatments.latestFor(user.clinicId(), new PatientId(user.patientId())).orElse(null));
		return "report/aftercare";
	}

	/** One tap: "I have read this", for the latest treatment. */
	@PostMapping("/me/aftercare/confirm")
	String confirmAftercare(@AuthenticationPrincipal CurrentUser user) {
		this.treatments.confirmAftercare(user.clinicId(), new PatientId(user.patientId()), Instant.now(this.clock));
		return "redirect:/me/aftercare";
	}

	@GetMapping("/me/check-in")
	String showCheckIn(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (this.treatments.latestFor(user.clinicId(), new PatientId(user.patientId())).isEmpty()) {
			return "report/no-treatment";
		}
		model.addAttribute("checkInForm", new CheckInForm(Ids.next()));
		return "report/check-in";
	}

	@PostMapping("/me/check-in")
	String submitCheckIn(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("checkInForm") CheckInForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("checkInForm", new CheckInForm(Ids.next()));
			model.addAttribute("expired", true);
			return "report/check-in";
		}
		NewReport answer = NewReport.of(user.clinicId(), new PatientId(user.patientId()), form.formToken(), List.of(),
				null);
		return Submits.saving(model, response, "report/check-in",
				() -> Submits.submitted(this.reports, user.clinicId(), answer, () -> this.reports.submit(answer)));
	}

}
