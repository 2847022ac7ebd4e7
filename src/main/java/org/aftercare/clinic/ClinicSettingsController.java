package org.aftercare.clinic;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.aftercare.security.CurrentUser;

/**
 * The clinic admin's landing page. Editing settings comes with the triage settings.
 */
@Controller
class ClinicSettingsController {

	private final ClinicService clinics;

	ClinicSettingsController(ClinicService clinics) {
		this.clinics = clinics;
	}

	@GetMapping("/admin/settings")
	String showSettings(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("clinic", this.clinics.get(user.clinicId()));
		return "clinic/settings";
	}

}
