package org.aftercare.account;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.audit.AuditLog;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.security.SignedInSessions;

/**
 * The clinic admin's staff accounts: invite a clinician or admin, disable a login (its
 * sessions end at once) or enable it again.
 */
@Controller
class StaffController {

	private final AccountService accounts;

	private final SignedInSessions sessions;

	private final AuditLog audit;

	StaffController(AccountService accounts, SignedInSessions sessions, AuditLog audit) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
	}

	@ModelAttribute("staffRoles")
	List<Role> staffRoles() {
		return List.of(Role.CLINICIAN, Role.ADMIN);
	}

	@GetMapping("/admin/staff")
	String showStaff(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("staff", this.accounts.staff(user.clinicId()));
		if (!model.containsAttribute("staffForm")) {
			model.addAttribute("staffForm", new StaffForm(null, null, Role.CLINICIAN));
		}
		return "account/staff";
	}

	@PostMapping("/admin/staff")
	@Transactional
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
			return "account/staff";
		}
		UUID id = this.accounts.invite(user.clinicId(), form.email().strip(), form.displayName().strip(), form.role(),
				null);
		this.audit
			.record(new AuditLog.Event(user.clinicId(), null, "STAFF_INVITED", "user_account", id, form.role().name()));
		redirect.addFlashAttribute("invited", form.email().strip());
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/disable")
	@Transactional
	String disable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (id.equals(user.accountId())) {
			redirect.addFlashAttribute("notYourself", true);
			return "redirect:/admin/staff";
		}
		String email = this.accounts.setEnabled(user.clinicId(), id, false);
		this.sessions.endAllBut(email, null);
		this.audit.record(new AuditLog.Event(user.clinicId(), null, "STAFF_DISABLED", "user_account", id, null));
		redirect.addFlashAttribute("disabled", email);
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/enable")
	@Transactional
	String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		String email = this.accounts.setEnabled(user.clinicId(), id, true);
		this.audit.record(new AuditLog.Event(user.clinicId(), null, "STAFF_ENABLED", "user_account", id, null));
		redirect.addFlashAttribute("enabled", email);
		return "redirect:/admin/staff";
	}

}
