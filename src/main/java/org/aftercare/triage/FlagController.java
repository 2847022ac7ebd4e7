package org.aftercare.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientService.PatientSummary;
import org.aftercare.report.ReportService;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;
import org.aftercare.web.NotFoundException;

/**
 * One flag with everything a clinician needs beside it, and the review actions.
 */
@Controller
class FlagController {

	private final FlagPage page;

	private final FlagReview review;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final AccountService accounts;

	private final ReportService reports;

	private final AuditLog audit;

	private final Clock clock;

	FlagController(FlagPage page, FlagReview review, PatientService patients, TreatmentService treatments,
			AccountService accounts, ReportService reports, AuditLog audit, Clock clock) {
		this.page = page;
		this.review = review;
		this.patients = patients;
		this.treatments = treatments;
		this.accounts = accounts;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/clinician/flags/{id}")
	@Transactional
	String showFlag(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		FlagPage.FlagRow flag = this.page.flag(user.clinicId(), id).orElseThrow(() -> new NotFoundException("flag"));
		PatientSummary patient = this.patients.find(user.clinicId(), flag.patientId())
			.orElseThrow(() -> new NotFoundException("patient"));
		TreatmentSummary treatment = this.treatments.find(user.clinicId(), flag.treatmentId())
			.orElseThrow(() -> new NotFoundException("treatment"));
		model.addAttribute("flag", flag);
		model.addAttribute("patient", patient);
		model.addAttribute("age",
				Period.between(patient.intake().dateOfBirth(), LocalDate.now(this.clock.withZone(user.zone())))
					.getYears());
		model.addAttribute("treatment", treatment);
		model.addAttribute("injector",
				this.accounts.find(user.clinicId(), treatment.injectorId())
					.map(AccountService.AccountSummary::displayName)
					.orElse(""));
		model.addAttribute("episodeFlags", this.page.episodeFlags(user.clinicId(), flag.treatmentId()));
		model.addAttribute("evidence", this.page.evidence(user.clinicId(), id));
		model.addAttribute("actions", this.page.actions(user.clinicId(), id));
		model.addAttribute("reports", this.reports.episode(user.clinicId(), flag.treatmentId()));
		if (!model.containsAttribute("resolveForm")) {
			model.addAttribute("resolveForm", new ResolveForm(flag.version(), null, null, null, null, null));
		}
		// The review form's choices from here, not T(...) in the template: a type
		// reference there is a class loader lookup on every render.
		model.addAttribute("contactKinds", ContactKind.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("causalities", Causality.values());
		model.addAttribute("seriousnesses", Seriousness.values());
		model.addAttribute("seriousnessCriteria", Seriousness.Criterion.values());
		this.audit
			.record(new AuditLog.Event(user.clinicId(), flag.patientId(), AuditAction.FLAG_VIEWED, "flag", id, null));
		return "triage/flag";
	}

	@PostMapping("/clinician/flags/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @Valid ActionForm form,
			BindingResult result, RedirectAttributes redirect) {
		return act(id, result, redirect, () -> this.review.acknowledge(user, id, form.version()));
	}

	@PostMapping("/clinician/flags/{id}/contact")
	String recordContact(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @Valid ActionForm form,
			BindingResult result, RedirectAttributes redirect) {
		// Only on an otherwise well-formed form: after a type mismatch (an unknown kind)
		// the binding result has no form to hold another field error.
		if (form.kind() == null && !result.hasErrors()) {
			result.rejectValue("kind", "flag.contact.kindRequired");
		}
		return act(id, result, redirect,
				() -> this.review.recordContact(user, id, form.version(), form.kind(), form.trimmedNote()));
	}

	@PostMapping("/clinician/flags/{id}/follow-up")
	String requestFollowUp(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @Valid ActionForm form,
			BindingResult result, RedirectAttributes redirect) {
		return act(id, result, redirect,
				() -> this.review.requestFollowUp(user, id, form.version(), form.trimmedNote()));
	}

	@PostMapping("/clinician/flags/{id}/reopen")
	String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @Valid ActionForm form,
			BindingResult result, RedirectAttributes redirect) {
		return act(id, result, redirect, () -> this.review.reopen(user, id, form.version(), form.trimmedNote()));
	}

	@PostMapping("/clinician/flags/{id}/resolve")
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@Valid @ModelAttribute("resolveForm") ResolveForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (form.seriousness() == Seriousness.SERIOUS && form.criteriaText() == null) {
			result.rejectValue("criteria", "flag.resolve.criteriaRequired");
		}
		if (result.hasErrors()) {
			String view = showFlag(user, id, model);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return view;
		}
		return act(id, result, redirect, () -> this.review.resolve(user, id, form.version(), form));
	}

	private String act(UUID id, BindingResult result, RedirectAttributes redirect, Runnable action) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("actionError", true);
			return "redirect:/clinician/flags/" + id;
		}
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (FlagChangedException | org.springframework.orm.ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("changed", true);
		}
		return "redirect:/clinician/flags/" + id;
	}

}
