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
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.SignInFlow;

/**
 * The invitation link: a new patient sets their password and lands on their page, signed
 * in. Used or expired links say so plainly and tell the patient how to get a new one.
 */
@Controller
class InvitationController {

	private final InvitationService invitations;

	private final AccountService accounts;

	private final AccountUserDetailsService users;

	private final ClinicService clinics;

	private final SignInFlow signIn;

	private final PasswordPolicy passwords;

	InvitationController(InvitationService invitations, AccountService accounts, AccountUserDetailsService users,
			ClinicService clinics, SignInFlow signIn, PasswordPolicy passwords) {
		this.passwords = passwords;
		this.signIn = signIn;
		this.invitations = invitations;
		this.accounts = accounts;
		this.users = users;
		this.clinics = clinics;
	}

	@GetMapping("/invitation/{token}")
	String showPasswordForm(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token);
		if (lookup.isEmpty() || lookup.get().state() != Invitation.State.VALID) {
			return unusable(lookup, model, response);
		}
		model.addAttribute("passwordForm", new PasswordForm(null, null));
		model.addAttribute("name", lookup.get().account().displayName());
		model.addAttribute("token", token);
		return "account/invitation";
	}

	@PostMapping("/invitation/{token}")
	String setPassword(@PathVariable String token, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<InvitationService.Lookup> lookup = lookupSafely(token);
		if (lookup.isEmpty() || lookup.get().state() != Invitation.State.VALID) {
			return unusable(lookup, model, response);
		}
		this.passwords.validate(form.password(), lookup.get().account().email(), result, "password");
		if (form.password() != null && !form.password().equals(form.confirmation())) {
			result.rejectValue("confirmation", "invitation.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("name", lookup.get().account().displayName());
			model.addAttribute("token", token);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/invitation";
		}
		Optional<String> email = this.invitations.accept(token, form.password());
		if (email.isEmpty()) {
			return unusable(lookupSafely(token), model, response);
		}
		return signIn(email.get(), request, response);
	}

	/** A clinician sends a patient a fresh link (the old ones stop working). */
	@PostMapping("/clinician/patients/{patientId}/resend-invitation")
	String resendInvitation(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID patientId,
			RedirectAttributes redirect) {
		boolean sent = this.accounts.resendInvitation(user.clinicId(), patientId);
		redirect.addFlashAttribute(sent ? "invitationSent" : "alreadyActive", true);
		return "redirect:/clinician/patients/" + patientId;
	}

	private Optional<InvitationService.Lookup> lookupSafely(String token) {
		return (token == null || token.length() > 100) ? Optional.empty() : this.invitations.lookup(token);
	}

	private String unusable(Optional<InvitationService.Lookup> lookup, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("used", lookup.map((l) -> l.state() == Invitation.State.USED).orElse(false));
		// Nobody is signed in: the clinic the link belongs to, for its phone number.
		model.addAttribute("clinic", lookup
			.map((l) -> ClinicScope.runInClinic(l.account().clinicId(), () -> this.clinics.get(l.account().clinicId())))
			.orElse(null));
		return "account/invitation-unusable";
	}

	/** Signs in, by way of a second factor where the user's clinic requires one. */
	private String signIn(String email, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser user = (CurrentUser) this.users.loadUserByUsername(email);
		return "redirect:" + this.signIn.afterPassword(request, response, user).orElse("/");
	}

}
