package org.aftercare.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;

/**
 * The clinic admin's sign-in rules: whether clinicians and admins must use two-factor
 * authentication. Each change is audited.
 */
@Controller
class ClinicSecurityController {

	private final TwoFactorService twoFactor;

	ClinicSecurityController(TwoFactorService twoFactor) {
		this.twoFactor = twoFactor;
	}

	@GetMapping("/admin/security")
	String showSecuritySettings(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("securitySettingsForm", new SecuritySettingsForm(this.twoFactor.required(admin.clinicId())));
		return "account/security-settings";
	}

	@PostMapping("/admin/security")
	String saveSecuritySettings(@AuthenticationPrincipal CurrentUser admin,
			@ModelAttribute("securitySettingsForm") SecuritySettingsForm form, RedirectAttributes redirect) {
		this.twoFactor.require(admin.clinicId(), form.required());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/security";
	}

}
