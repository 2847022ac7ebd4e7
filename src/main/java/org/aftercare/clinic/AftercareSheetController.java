package org.aftercare.clinic;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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
 * The clinic admin edits the aftercare sheet patients read after a treatment, or goes
 * back to the default text (CLINICAL.md section 5). Changes are audited.
 */
@Controller
class AftercareSheetController {

	private final ClinicService clinics;

	private final MessageSource messages;

	AftercareSheetController(ClinicService clinics, MessageSource messages) {
		this.clinics = clinics;
		this.messages = messages;
	}

	@GetMapping("/admin/aftercare")
	String showAftercareSheet(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		String sheet = this.clinics.aftercareSheet(user.clinicId());
		model.addAttribute("usingDefault", sheet == null);
		model.addAttribute("aftercareSheetForm",
				new AftercareSheetForm((sheet != null) ? sheet : defaultSheet(locale)));
		return "clinic/aftercare";
	}

	@PostMapping("/admin/aftercare")
	String saveAftercareSheet(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("aftercareSheetForm") AftercareSheetForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("usingDefault", this.clinics.aftercareSheet(user.clinicId()) == null);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "clinic/aftercare";
		}
		this.clinics.changeAftercareSheet(user.clinicId(), form.normalized());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/aftercare";
	}

	@PostMapping("/admin/aftercare/reset")
	String resetAftercareSheet(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		this.clinics.changeAftercareSheet(user.clinicId(), null);
		redirect.addFlashAttribute("reset", true);
		return "redirect:/admin/aftercare";
	}

	private String defaultSheet(Locale locale) {
		return this.messages.getMessage("aftercareSheet.default", null, locale);
	}

}
