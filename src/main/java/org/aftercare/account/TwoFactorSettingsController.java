package org.aftercare.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * A signed-in staff member's own two-factor authentication: replace the authenticator (a
 * new phone), get new recovery codes, or turn it off where the clinic allows. Each needs
 * the password and a current code (or a recovery code); wrong ones count as failed
 * logins, so this page cannot be used to guess either past the lockout.
 */
@Controller
class TwoFactorSettingsController {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorSettingsController.class);

	/** Until when the signed-in user may enrol a new authenticator in place of theirs. */
	static final String REPLACE_UNTIL = TwoFactorSettingsController.class.getName() + ".replaceUntil";

	static final Duration REPLACE_WINDOW = Duration.ofMinutes(10);

	private static final String PAGE = "account/two-factor-settings";

	private final TwoFactorService twoFactor;

	private final PasswordChangeService passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	TwoFactorSettingsController(TwoFactorService twoFactor, PasswordChangeService passwords, LoginThrottle throttle,
			AuditLog audit, Clock clock) {
		this.twoFactor = twoFactor;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/account/two-factor")
	String showSettings(@AuthenticationPrincipal CurrentUser user, Model model) {
		staff(user);
		model.addAttribute("twoFactorForm", TwoFactorForm.blank());
		return page(user, model);
	}

	@PostMapping("/account/two-factor/replace")
	String replaceAuthenticator(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("twoFactorForm") TwoFactorForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		staff(user);
		if (!confirmed(user, form, result, request)) {
			return refused(user, model, response);
		}
		HttpSession session = request.getSession();
		session.setAttribute(TwoFactorController.ENROL_SECRET, Totp.newSecret());
		session.setAttribute(REPLACE_UNTIL, this.clock.instant().plus(REPLACE_WINDOW));
		this.audit.record(new AuditEvent(user.clinicId(), null, AuditAction.TWO_FACTOR_REPLACEMENT_STARTED,
				"user_account", user.accountId(), null));
		return "redirect:/two-factor/enrol";
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("twoFactorForm") TwoFactorForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		staff(user);
		if (!confirmed(user, form, result, request)) {
			return refused(user, model, response);
		}
		List<String> codes = this.twoFactor.renewRecoveryCodes(user.clinicId(), user.accountId());
		redirect.addFlashAttribute("recoveryCodes", codes);
		return "redirect:/two-factor/recovery-codes";
	}

	@PostMapping("/account/two-factor/disable")
	String turnOff(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("twoFactorForm") TwoFactorForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		staff(user);
		// Refused before the code is looked at, so that no code is spent on it.
		if (this.twoFactor.required(user.clinicId())) {
			result.reject("twoFactor.settings.required");
			return refused(user, model, response);
		}
		if (!confirmed(user, form, result, request) || !this.twoFactor.turnOff(user.clinicId(), user.accountId())) {
			return refused(user, model, response);
		}
		redirect.addFlashAttribute("turnedOff", true);
		return "redirect:/account/two-factor";
	}

	/**
	 * The password, then the code: a code is spent only once the password is right.
	 * Nothing is checked on a malformed form, so that it costs no failed login.
	 */
	private boolean confirmed(CurrentUser user, TwoFactorForm form, BindingResult result, HttpServletRequest request) {
		if (result.hasErrors()) {
			return false;
		}
		if (!this.twoFactor.enrolled(user.accountId())) {
			result.reject("twoFactor.settings.notEnrolled");
			return false;
		}
		String ip = request.getRemoteAddr();
		if (this.throttle.locked(user.getUsername(), ip) || !this.passwords.currentMatches(user, form.password())) {
			this.throttle.failed(user.getUsername(), ip);
			log.warn("Wrong password confirming a second-factor change of account {} from {}", user.accountId(), ip);
			result.rejectValue("password", "passwordChange.current.wrong");
			return false;
		}
		if (!this.twoFactor.verify(user.clinicId(), user.accountId(), form.code())) {
			this.throttle.failed(user.getUsername(), ip);
			log.warn("Wrong code confirming a second-factor change of account {} from {}", user.accountId(), ip);
			result.rejectValue("code", "twoFactor.code.wrong");
			return false;
		}
		return true;
	}

	private String refused(CurrentUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(user, model);
	}

	private String page(CurrentUser user, Model model) {
		boolean enrolled = this.twoFactor.enrolled(user.accountId());
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("required", this.twoFactor.required(user.clinicId()));
		model.addAttribute("unusedCodes",
				enrolled ? this.twoFactor.unusedRecoveryCodes(user.clinicId(), user.accountId()) : 0L);
		return PAGE;
	}

	/** Patients have no second factor: for them the page does not exist. */
	private static void staff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new NotFoundException("two-factor settings");
		}
	}

}
