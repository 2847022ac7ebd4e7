package org.aftercare.account;

import java.util.Optional;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.clinic.ClinicService;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.security.SignInFlow;
import org.aftercare.web.PageLanguage;

/**
 * The invitation link: a new user chooses how to sign in and lands on their page, signed
 * in. Staff set a password (their second factor follows where the clinic asks for one); a
 * patient may instead have no password at all and sign in with links e-mailed from the
 * login page. Used or expired links say so plainly and tell the patient how to get a new
 * one.
 */
@Controller
class InvitationController {

	private final InvitationService invitations;

	private final AccountService accounts;

	private final AccountUserDetailsService users;

	private final ClinicService clinics;

	private final SignInFlow signIn;

	private final PasswordPolicy passwords;

	private final PageLanguage pageLanguage;

	InvitationController(InvitationService invitations, AccountService accounts, AccountUserDetailsService users,
			ClinicService clinics, SignInFlow signIn, PasswordPolicy passwords, PageLanguage pageLanguage) {
		this.pageLanguage = pageLanguage;
		this.passwords = passwords;
		this.signIn = signIn;
		this.invitations = invitations;
		this.accounts = accounts;
		this.users = users;
		this.clinics = clinics;
	}

	@GetMapping("/invitation/{token}")
	String showPasswordForm(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token, request);
		if (!usable(lookup)) {
			return unusable(lookup, model, response);
		}
		model.addAttribute("passwordForm", new PasswordForm(null, null));
		return page(lookup.get(), token, model);
	}

	@PostMapping("/invitation/{token}")
	String setPassword(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token, request);
		if (!usable(lookup)) {
			return unusable(lookup, model, response);
		}
		this.passwords.validate(form.password(), lookup.get().account().email(), result, "password");
		if (form.password() != null && !form.password().equals(form.confirmation())) {
			result.rejectValue("confirmation", "invitation.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(lookup.get(), token, model);
		}
		Optional<String> email = this.invitations.accept(token, form.password(),
				this.pageLanguage.resolveLocale(request));
		if (email.isEmpty()) {
			return unusable(lookupSafely(token), model, response);
		}
		return signIn(email.get(), request, response);
	}

	/**
	 * A patient chooses no password: they will sign in with links e-mailed from the login
	 * page. Staff always set a password; their form offers no such choice, and a crafted
	 * request for one is refused.
	 */
	@PostMapping("/invitation/{token}/email-links")
	String chooseEmailLinks(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return withoutPassword(token, InvitationService.NoPassword.EMAIL_LINKS, model, request, response);
	}

	/**
	 * A patient chooses a passkey: signed in without a password and taken to the passkey
	 * page to add one. Until they do, e-mailed links sign them in.
	 */
	@PostMapping("/invitation/{token}/passkey")
	String choosePasskey(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return withoutPassword(token, InvitationService.NoPassword.PASSKEY, model, request, response);
	}

	private String withoutPassword(String token, InvitationService.NoPassword choice, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token, request);
		if (!usable(lookup)) {
			return unusable(lookup, model, response);
		}
		if (lookup.get().account().role() != Role.PATIENT) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("passwordForm", new PasswordForm(null, null));
			return page(lookup.get(), token, model);
		}
		Optional<String> email = this.invitations.acceptWithoutPassword(token, choice,
				this.pageLanguage.resolveLocale(request));
		if (email.isEmpty()) {
			return unusable(lookupSafely(token), model, response);
		}
		String home = signIn(email.get(), request, response);
		return (choice == InvitationService.NoPassword.PASSKEY) ? "redirect:/account/passkeys" : home;
	}

	private static String page(InvitationService.Lookup lookup, String token, Model model) {
		model.addAttribute("name", lookup.account().displayName());
		model.addAttribute("patient", lookup.account().role() == Role.PATIENT);
		model.addAttribute("token", token);
		return "account/invitation";
	}

	/** A clinician sends a patient a fresh link (the old ones stop working). */
	@PostMapping("/clinician/patients/{patientId}/resend-invitation")
	String resendInvitation(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID patientId,
			RedirectAttributes redirect) {
		boolean sent = this.accounts.resendInvitation(user.clinicId(), patientId);
		redirect.addFlashAttribute(sent ? "invitationSent" : "alreadyActive", true);
		return "redirect:/clinician/patients/" + patientId;
	}

	private static boolean usable(Optional<InvitationService.Lookup> lookup) {
		return lookup.isPresent() && lookup.get().state() == Invitation.State.VALID;
	}

	private Optional<InvitationService.Lookup> lookupSafely(String token) {
		return (token == null || token.length() > 100) ? Optional.empty() : this.invitations.lookup(token);
	}

	/**
	 * The link's account is known: a patient's page follows their language (unless they
	 * chose another on the page), a staff member's is English.
	 */
	private Optional<InvitationService.Lookup> lookupSafely(String token, HttpServletRequest request) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token);
		lookup.ifPresent((found) -> this.pageLanguage.useAccountLanguage(request, found.account().language(),
				found.account().role() != Role.PATIENT));
		return lookup;
	}

	private String unusable(Optional<InvitationService.Lookup> lookup, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("used", lookup.map((l) -> l.state() == Invitation.State.USED).orElse(false));
		// Nobody is signed in: the clinic the link belongs to, for its phone number.
		model.addAttribute("clinic", lookup.map((l) -> ClinicScope.runInClinic(new ClinicId(l.account().clinicId()),
				() -> this.clinics.get(new ClinicId(l.account().clinicId()))))
			.orElse(null));
		return "account/invitation-unusable";
	}

	/** Signs in, by way of a second factor where the user's clinic requires one. */
	private String signIn(String email, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser user = (CurrentUser) this.users.loadUserByUsername(email);
		return "redirect:" + this.signIn.afterPassword(request, response, user).orElse("/");
	}

}
