package org.aftercare.triage;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;

/**
 * The clinic admin edits the rule thresholds; every change is audited with its old and
 * new value.
 */
@Controller
class TriageSettingsController {

	private final TriageSettingsService settings;

	TriageSettingsController(TriageSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/admin/triage-settings")
	String showSettingsForm(@AuthenticationPrincipal CurrentUser user, org.springframework.ui.Model model) {
		model.addAttribute("settingsForm", SettingsForm.of(this.settings.thresholds(user.clinicId())));
		return "triage/settings";
	}

	@PostMapping("/admin/triage-settings")
	String saveSettings(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult result,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("moderateHeadacheMin") && !result.hasFieldErrors("moderateHeadacheMax")
				&& form.moderateHeadacheMin() != null && form.moderateHeadacheMax() != null
				&& form.moderateHeadacheMin() > form.moderateHeadacheMax()) {
			result.rejectValue("moderateHeadacheMax", "settings.moderateRange");
		}
		if (!result.hasErrors() && form.moderateHeadacheMax() >= form.severeSeverity()) {
			result.rejectValue("severeSeverity", "settings.severeAboveModerate");
		}
		if (!result.hasErrors() && form.persistentHeadacheHighDays() <= form.persistentHeadacheDays()) {
			result.rejectValue("persistentHeadacheHighDays", "settings.persistentHighAboveMedium");
		}
		if (!result.hasErrors() && form.moderateInterference() >= form.severeInterference()) {
			result.rejectValue("severeInterference", "settings.severeInterferenceAboveModerate");
		}
		if (!result.hasErrors() && form.highAckMinutes() < form.emergencyAckMinutes()) {
			result.rejectValue("highAckMinutes", "settings.highAckAfterEmergency");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "triage/settings";
		}
		this.settings.update(user.clinicId(), form.thresholds());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/triage-settings";
	}

}
