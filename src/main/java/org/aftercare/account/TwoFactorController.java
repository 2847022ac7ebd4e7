package org.aftercare.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.PendingSignIn;
import org.aftercare.security.SignInFlow;
import org.aftercare.security.TwoFactorCheck.SecondStep;

/**
 * The second step of a staff login (a code from the authenticator app or a recovery
 * code), and enrolment: a new secret, confirmed with a code from it, then ten recovery
 * codes shown once (for a staff member who has one already, only after confirming on
 * {@code /account/two-factor}). Wrong codes count as failed logins, so the lockout bounds
 * guessing.
 */
@Controller
class TwoFactorController {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorController.class);

	static final String ENROL_SECRET = TwoFactorController.class.getName() + ".secret";

	/** Wrong codes after which the password is asked again. */
	private static final int MAX_WRONG_CODES = 5;

	private final TwoFactorService twoFactor;

	private final SignInFlow signIn;

	private final AccountUserDetailsService users;

	private final LoginThrottle throttle;

	private final Clock clock;

	TwoFactorController(TwoFactorService twoFactor, SignInFlow signIn, AccountUserDetailsService users,
			LoginThrottle throttle, Clock clock) {
		this.clock = clock;
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.users = users;
		this.throttle = throttle;
	}

	@GetMapping("/two-factor")
	String showCodeForm(HttpServletRequest request, Model model) {
		if (pending(request, SecondStep.VERIFY).isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("codeForm", new CodeForm(null));
		return "account/two-factor";
	}

	@PostMapping("/two-factor")
	String submitCode(@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<PendingSignIn> found = pending(request, SecondStep.VERIFY);
		if (found.isEmpty()) {
			return "redirect:/login";
		}
		PendingSignIn pending = found.get();
		String ip = request.getRemoteAddr();
		if (this.throttle.locked(pending.email(), ip)) {
			this.signIn.abandon(request);
			return "redirect:/login?error";
		}
		CurrentUser user = (CurrentUser) this.users.loadUserByUsername(pending.email());
		// Not signed in yet: the scope is the clinic of the account whose password was
		// proven.
		if (!result.hasErrors() && user.isEnabled() && ClinicScope.runInClinic(user.clinicId(),
				() -> this.twoFactor.verify(user.clinicId(), user.accountId(), form.code()))) {
			this.throttle.succeeded(pending.email(), ip);
			log.info("Second factor of account {} accepted from {}", user.accountId(), ip);
			this.signIn.complete(request, response, user);
			return "redirect:/";
		}
		this.throttle.failed(pending.email(), ip);
		log.warn("Wrong second factor for account {} from {}", user.accountId(), ip);
		PendingSignIn failed = pending.failedOnce();
		if (failed.failures() >= MAX_WRONG_CODES) {
			this.signIn.abandon(request);
			return "redirect:/login?error";
		}
		this.signIn.update(request, failed);
		if (!result.hasErrors()) {
			result.rejectValue("code", "twoFactor.code.wrong");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "account/two-factor";
	}

	@GetMapping("/two-factor/enrol")
	String showEnrolment(@AuthenticationPrincipal CurrentUser signedIn, HttpServletRequest request, Model model) {
		Optional<CurrentUser> user = enrolee(signedIn, request);
		if (user.isEmpty()) {
			return "redirect:/login";
		}
		if (replacingWithoutConfirmation(signedIn, request)) {
			return "redirect:/account/two-factor";
		}
		HttpSession session = request.getSession(true);
		if (!(session.getAttribute(ENROL_SECRET) instanceof String)) {
			session.setAttribute(ENROL_SECRET, Totp.newSecret());
		}
		model.addAttribute("codeForm", new CodeForm(null));
		return enrolmentPage(user.get(), (String) session.getAttribute(ENROL_SECRET), model);
	}

	@PostMapping("/two-factor/enrol")
	String confirmEnrolment(@AuthenticationPrincipal CurrentUser signedIn,
			@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<CurrentUser> found = enrolee(signedIn, request);
		if (found.isPresent() && replacingWithoutConfirmation(signedIn, request)) {
			return "redirect:/account/two-factor";
		}
		HttpSession session = request.getSession(false);
		if (found.isEmpty() || session == null || !(session.getAttribute(ENROL_SECRET) instanceof String secret)) {
			return "redirect:/login";
		}
		CurrentUser user = found.get();
		Optional<List<String>> codes = result.hasErrors() ? Optional.empty() : ClinicScope.runInClinic(user.clinicId(),
				() -> this.twoFactor.enrol(user.clinicId(), user.accountId(), secret, form.code()));
		if (codes.isEmpty()) {
			if (!result.hasErrors()) {
				result.rejectValue("code", "twoFactor.code.wrong");
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return enrolmentPage(user, secret, model);
		}
		session.removeAttribute(ENROL_SECRET);
		session.removeAttribute(TwoFactorSettingsController.REPLACE_UNTIL);
		if (signedIn == null) {
			this.throttle.succeeded(user.getUsername(), request.getRemoteAddr());
			this.signIn.complete(request, response, user);
		}
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:/two-factor/recovery-codes";
	}

	@GetMapping("/two-factor/recovery-codes")
	String showRecoveryCodes(@AuthenticationPrincipal CurrentUser signedIn, Model model) {
		if (signedIn == null || !model.containsAttribute("recoveryCodes")) {
			return "redirect:/";
		}
		return "account/recovery-codes";
	}

	private String enrolmentPage(CurrentUser user, String secret, Model model) {
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		String uri = "otpauth://totp/Aftercare:"
				+ URLEncoder.encode(user.getUsername(), StandardCharsets.UTF_8).replace("+", "%20") + "?secret="
				+ secret + "&issuer=Aftercare&algorithm=SHA1&digits=6&period=30";
		model.addAttribute("uri", uri);
		model.addAttribute("qr", QrCodeSvg.of(uri));
		return "account/two-factor-enrol";
	}

	/**
	 * A signed-in staff member who has a second factor replaces it only after confirming
	 * with their password and a current code ({@link TwoFactorSettingsController}), for a
	 * few minutes: whoever finds a session left open cannot move the second factor to
	 * their own phone.
	 */
	private boolean replacingWithoutConfirmation(CurrentUser signedIn, HttpServletRequest request) {
		if (signedIn == null || !this.twoFactor.enrolled(signedIn.accountId())) {
			return false;
		}
		HttpSession session = request.getSession(false);
		return session == null
				|| !(session.getAttribute(TwoFactorSettingsController.REPLACE_UNTIL) instanceof Instant until)
				|| !this.clock.instant().isBefore(until);
	}

	/**
	 * A staff member signed in already, or one whose clinic makes them enrol to sign in.
	 */
	private Optional<CurrentUser> enrolee(CurrentUser signedIn, HttpServletRequest request) {
		if (signedIn != null) {
			return signedIn.isStaff() ? Optional.of(signedIn) : Optional.empty();
		}
		return pending(request, SecondStep.ENROL)
			.map((pending) -> (CurrentUser) this.users.loadUserByUsername(pending.email()));
	}

	private Optional<PendingSignIn> pending(HttpServletRequest request, SecondStep step) {
		return this.signIn.pending(request).filter((pending) -> pending.step() == step);
	}

}
