package org.aftercare.triage;

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
 * One flag with everything a clinician needs beside it, and the review actions.
 */
@Controller
class FlagController {

	private final FlagPages pages;

	private final FlagReview review;

	FlagController(FlagPages pages, FlagReview review) {
		this.pages = pages;
		this.review = review;
	}

	@GetMapping("/clinician/flags/{id}")
	String showFlag(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		FlagView view = this.pages.show(user.clinicId(), id, user.zone());
		model.addAttribute("flag", view.flag());
		model.addAttribute("patient", view.patient());
		model.addAttribute("age", view.age());
		model.addAttribute("treatment", view.treatment());
		model.addAttribute("injector", view.injector());
		model.addAttribute("episodeFlags", view.episodeFlags());
		model.addAttribute("evidence", view.evidence());
		model.addAttribute("actions", view.actions());
		model.addAttribute("reports", view.reports());
		model.addAttribute("photos", view.photos());
		if (!model.containsAttribute("resolveForm")) {
			model.addAttribute("resolveForm", new ResolveForm(view.flag().version(), null, null, null, null, null));
		}
		// The review form's choices from here, not T(...) in the template: a type
		// reference there is a class loader lookup on every render.
		model.addAttribute("contactKinds", ContactKind.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("causalities", Causality.values());
		model.addAttribute("seriousnesses", Seriousness.values());
		model.addAttribute("seriousnessCriteria", Seriousness.Criterion.values());
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
		return act(id, result, redirect, () -> this.review.resolve(user, id, form.version(), form.resolution()));
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
