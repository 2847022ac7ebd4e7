package org.aftercare.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.security.Role;
import org.aftercare.web.PageLanguage;

/**
 * "Forgot your password?": the answer to a request is the same whether or not the address
 * has an account and whether a limit kept the link from being sent, so that the page
 * cannot be used to find out who has an account.
 */
@Controller
class PasswordResetController {

	private final PasswordResetService resets;

	private final PasswordPolicy passwords;

	private final PageLanguage pageLanguage;

	PasswordResetController(PasswordResetService resets, PasswordPolicy passwords, PageLanguage pageLanguage) {
		this.pageLanguage = pageLanguage;
		this.resets = resets;
		this.passwords = passwords;
	}

	@GetMapping("/password-reset")
	String showRequestForm(Model model) {
		model.addAttribute("emailForm", new EmailForm(null));
		return "account/password-reset";
	}

	@PostMapping("/password-reset")
	String requestReset(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password-reset";
		}
		this.resets.request(form.email(), request.getRemoteAddr());
		return "redirect:/password-reset?sent";
	}

	@GetMapping("/password-reset/{token}")
	String showPasswordForm(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (lookup(token, request).isEmpty()) {
			return unusable(response);
		}
		model.addAttribute("passwordForm", new PasswordForm(null, null));
		model.addAttribute("token", token);
		return "account/password-reset-form";
	}

	@PostMapping("/password-reset/{token}")
	String resetPassword(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<UserAccount> account = lookup(token, request);
		if (account.isEmpty()) {
			return unusable(response);
		}
		this.passwords.validate(form.password(), account.get().email(), result, "password");
		if (form.password() != null && !form.password().equals(form.confirmation())) {
			result.rejectValue("confirmation", "invitation.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("token", token);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password-reset-form";
		}
		if (!this.resets.reset(token, form.password())) {
			return unusable(response);
		}
		// No automatic sign-in: the login that follows asks for a second factor where one
		// is needed.
		return "redirect:/login?reset";
	}

	/**
	 * The link's account: a patient's page follows their language (unless they chose
	 * another on the page), a staff member's is English.
	 */
	private Optional<UserAccount> lookup(String token, HttpServletRequest request) {
		Optional<UserAccount> account = (token == null || token.length() > 100) ? Optional.empty()
				: this.resets.lookup(token);
		account.ifPresent((found) -> this.pageLanguage.useAccountLanguage(request, found.language(),
				found.role() != Role.PATIENT));
		return account;
	}

	private String unusable(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "account/password-reset-unusable";
	}

}
