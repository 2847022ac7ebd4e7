package org.aftercare.account;

import jakarta.servlet.http.HttpServletRequest;
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
 * Changing one's password while signed in. A wrong current password counts as a failed
 * login, so this form cannot be used to guess it past the lockout.
 */
@Controller
class PasswordChangeController {

	private final PasswordChangeService passwords;

	private final PasswordPolicy policy;

	private final LoginThrottle throttle;

	PasswordChangeController(PasswordChangeService passwords, PasswordPolicy policy, LoginThrottle throttle) {
		this.passwords = passwords;
		this.policy = policy;
		this.throttle = throttle;
	}

	@GetMapping("/account/password")
	String showPasswordChangeForm(Model model) {
		model.addAttribute("changePasswordForm", new ChangePasswordForm(null, null, null));
		return "account/password-change";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("changePasswordForm") ChangePasswordForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String ip = request.getRemoteAddr();
		if (!result.hasFieldErrors("current")) {
			if (this.throttle.locked(user.getUsername(), ip) || !this.passwords.currentMatches(user, form.current())) {
				this.throttle.failed(user.getUsername(), ip);
				result.rejectValue("current", "passwordChange.current.wrong");
			}
		}
		this.policy.validate(form.password(), user.getUsername(), result, "password");
		if (form.password() != null && !form.password().equals(form.confirmation())) {
			result.rejectValue("confirmation", "invitation.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password-change";
		}
		this.passwords.change(user, form.password(), request.getSession().getId());
		redirect.addFlashAttribute("changed", true);
		return "redirect:/account/password";
	}

}
