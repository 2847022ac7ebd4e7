package org.aftercare.privacy;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.security.CurrentUser;

/**
 * The patient's "your data" page (downloads and the erasure request) and the admin's list
 * of erasure requests to decide.
 */
@Controller
class ErasureController {

	private final Erasure erasure;

	ErasureController(Erasure erasure) {
		this.erasure = erasure;
	}

	@GetMapping("/me/erasure")
	String showErasure(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("erasureForm", ErasureForm.blank());
		return erasurePage(user, model);
	}

	@PostMapping("/me/erasure")
	String requestErasure(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("erasureForm") ErasureForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return erasurePage(user, model);
		}
		this.erasure.request(user.clinicId().value(), user.patientId());
		return "redirect:/me/erasure";
	}

	private String erasurePage(CurrentUser user, Model model) {
		model.addAttribute("waitingSince",
				this.erasure.waitingSince(user.clinicId().value(), user.patientId()).orElse(null));
		return "privacy/erasure";
	}

	@GetMapping("/admin/erasure-requests")
	String showRequests(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("requests", this.erasure.waiting(user.clinicId().value()));
		return "privacy/requests";
	}

	@PostMapping("/admin/erasure-requests/{id}/approve")
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		this.erasure.approve(user.clinicId().value(), id, user.accountId());
		redirect.addFlashAttribute("decided", "erasure.approved");
		return "redirect:/admin/erasure-requests";
	}

	@PostMapping("/admin/erasure-requests/{id}/decline")
	String decline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		this.erasure.decline(user.clinicId().value(), id, user.accountId());
		redirect.addFlashAttribute("decided", "erasure.declined");
		return "redirect:/admin/erasure-requests";
	}

}
