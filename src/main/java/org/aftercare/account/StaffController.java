package org.aftercare.account;

import java.util.List;
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

import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.web.NotFoundException;

/**
 * The clinic admin's staff accounts: invite a clinician or admin, disable a login (its
 * sessions end at once) or enable it again, and reset a member's two-factor
 * authentication when they lost their phone (after a confirmation step; their sessions
 * end at once and they are told by e-mail).
 */
@Controller
class StaffController {

	private final AccountService accounts;

	private final StaffService staff;

	private final TwoFactorService twoFactor;

	StaffController(AccountService accounts, StaffService staff, TwoFactorService twoFactor) {
		this.accounts = accounts;
		this.staff = staff;
		this.twoFactor = twoFactor;
	}

	@ModelAttribute("staffRoles")
	List<Role> staffRoles() {
		return List.of(Role.CLINICIAN, Role.ADMIN);
	}

	@GetMapping("/admin/staff")
	String showStaff(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("staff", this.accounts.staff(user.clinicId()));
		model.addAttribute("twoFactorOn", this.twoFactor.enrolledIn(user.clinicId()));
		if (!model.containsAttribute("staffForm")) {
			model.addAttribute("staffForm", new StaffForm(null, null, Role.CLINICIAN));
		}
		return "account/staff";
	}

	@PostMapping("/admin/staff")
	String inviteStaff(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("staffForm") StaffForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.role() == Role.PATIENT) {
			result.rejectValue("role", "staff.role.invalid");
		}
		if (!result.hasFieldErrors("email") && form.email() != null && this.accounts.emailTaken(form.email())) {
			result.rejectValue("email", "staff.email.taken");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("staff", this.accounts.staff(user.clinicId()));
			model.addAttribute("twoFactorOn", this.twoFactor.enrolledIn(user.clinicId()));
			return "account/staff";
		}
		this.staff.invite(user.clinicId(),
				new NewStaffMember(form.email().strip(), form.displayName().strip(), form.role()));
		redirect.addFlashAttribute("invited", form.email().strip());
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (id.equals(user.accountId())) {
			redirect.addFlashAttribute("notYourself", true);
			return "redirect:/admin/staff";
		}
		String email = this.staff.disable(user.clinicId(), id);
		redirect.addFlashAttribute("disabled", email);
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		String email = this.staff.enable(user.clinicId(), id);
		redirect.addFlashAttribute("enabled", email);
		return "redirect:/admin/staff";
	}

	@GetMapping("/admin/staff/{id}/two-factor-reset")
	String showTwoFactorReset(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model,
			RedirectAttributes redirect) {
		AccountSummary member = member(user, id);
		if (id.equals(user.accountId())) {
			redirect.addFlashAttribute("notYourselfTwoFactor", true);
			return "redirect:/admin/staff";
		}
		model.addAttribute("twoFactorResetForm", TwoFactorResetForm.blank());
		return twoFactorResetPage(user, member, model);
	}

	@PostMapping("/admin/staff/{id}/two-factor-reset")
	String resetTwoFactor(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @ModelAttribute("twoFactorResetForm") TwoFactorResetForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccountSummary member = member(user, id);
		if (id.equals(user.accountId())) {
			redirect.addFlashAttribute("notYourselfTwoFactor", true);
			return "redirect:/admin/staff";
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return twoFactorResetPage(user, member, model);
		}
		this.staff.resetTwoFactor(user.clinicId(), member);
		redirect.addFlashAttribute("twoFactorReset", member.email());
		return "redirect:/admin/staff";
	}

	private String twoFactorResetPage(CurrentUser user, AccountSummary member, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("memberEnrolled", this.twoFactor.enrolled(member.id().value()));
		model.addAttribute("required", this.twoFactor.required(user.clinicId()));
		return "account/two-factor-reset";
	}

	/** A staff member of the admin's own clinic; anyone else does not exist here. */
	private AccountSummary member(CurrentUser user, UUID id) {
		return this.staff.member(user.clinicId(), id).orElseThrow(() -> new NotFoundException("staff member"));
	}

}
