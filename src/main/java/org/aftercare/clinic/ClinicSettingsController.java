package org.aftercare.clinic;

import java.time.DateTimeException;
import java.time.ZoneId;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;

/**
 * The clinic admin's landing page: how patients reach the clinic (shown in every piece of
 * advice) and its time zone. Changes are audited.
 */
@Controller
class ClinicSettingsController {

	private final ClinicService clinics;

	ClinicSettingsController(ClinicService clinics) {
		this.clinics = clinics;
	}

	@GetMapping("/admin/settings")
	String showSettings(@AuthenticationPrincipal CurrentUser user, Model model) {
		ClinicSummary clinic = this.clinics.get(user.clinicId());
		model.addAttribute("clinic", clinic);
		model.addAttribute("clinicForm",
				new ClinicForm(clinic.name(), clinic.phone(), clinic.emergencyNumber(), clinic.timeZone(),
						this.clinics.onCallEmails(user.clinicId()),
						ClinicForm.describe(this.clinics.checkInOffsets(user.clinicId())),
						(int) this.clinics.checkInLinkWindow(user.clinicId()).toHours()));
		return "clinic/settings";
	}

	@PostMapping("/admin/settings")
	String saveSettings(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("clinicForm") ClinicForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.timeZone() != null && !result.hasFieldErrors("timeZone") && !isZone(form.timeZone())) {
			result.rejectValue("timeZone", "settings.timeZone.unknown");
		}
		if (form.checkIns() != null && !result.hasFieldErrors("checkIns") && form.parsedCheckIns().isEmpty()) {
			result.rejectValue("checkIns", "settings.checkIns.invalid");
		}
		if (!result.hasFieldErrors("onCallEmails") && !form.onCallEmailsValid()) {
			result.rejectValue("onCallEmails", "settings.onCallEmails.invalid");
		}
		if (result.hasErrors()) {
			model.addAttribute("clinic", this.clinics.get(user.clinicId()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "clinic/settings";
		}
		this.clinics.update(user.clinicId(), form.change());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/settings";
	}

	private static boolean isZone(String zone) {
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
