package org.aftercare.treatment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.account.AccountSummary;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.Dates;
import org.aftercare.web.NotFoundException;

/**
 * A clinician records a treatment, after reviewing the intake and the patient's concerns
 * with them, and sees a treatment with its check-ins and the aftercare confirmation.
 */
@Controller
class TreatmentController {

	/** A treatment time a little ahead is a clock difference, more is a typo. */
	static final Duration MAX_AHEAD = Duration.ofMinutes(5);

	/** Older treatments are history, not an episode to monitor. */
	static final Duration MAX_BACK = Duration.ofDays(365);

	private final TreatmentService treatments;

	private final PatientService patients;

	private final AccountService accounts;

	private final Clock clock;

	TreatmentController(TreatmentService treatments, PatientService patients, AccountService accounts, Clock clock) {
		this.treatments = treatments;
		this.patients = patients;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ModelAttribute("products")
	List<Product> products() {
		return Arrays.asList(Product.values());
	}

	@ModelAttribute("indications")
	List<Indication> indications() {
		return Arrays.asList(Indication.values());
	}

	@GetMapping("/clinician/patients/{patientId}/treatments/new")
	String showTreatmentForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID patientId, Model model) {
		PatientSummary patient = patient(user, patientId);
		LocalDateTime now = Dates.toLocal(this.clock.instant(), user.zone());
		TreatmentForm form = TreatmentForm.blank(user.accountId(), now);
		model.addAttribute("treatmentForm", form);
		prepare(model, user, patient, form);
		return "treatment/form";
	}

	@PostMapping("/clinician/patients/{patientId}/treatments/new")
	String recordTreatment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID patientId,
			@Valid @ModelAttribute("treatmentForm") TreatmentForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PatientSummary patient = patient(user, patientId);
		TreatmentForm complete = form.complete();
		BindingResult errors = new BeanPropertyBindingResult(complete, result.getObjectName());
		errors.addAllErrors(result);
		List<AccountSummary> clinicians = this.accounts.clinicians(user.clinicId());
		check(complete, errors, clinicians, user);
		if (errors.hasErrors()) {
			model.addAttribute("treatmentForm", complete);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "treatmentForm", errors);
			prepare(model, user, patient, complete);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "treatment/form";
		}
		NewTreatment treatment = new NewTreatment(new PatientId(patientId), complete.product(),
				complete.trimmedLotNumber(), new AccountId(complete.injectorId()),
				Dates.toInstant(complete.treatedAt(), user.zone()), complete.indication(), true,
				complete.treatedAreas());
		UUID treatmentId;
		try {
			treatmentId = this.treatments.recordByClinician(user.clinicId(), complete.formToken(), treatment);
		}
		catch (DataIntegrityViolationException ex) {
			// Two submits of one form raced; the first one won. Show it.
			treatmentId = this.treatments.findByFormToken(user.clinicId(), complete.formToken()).orElseThrow(() -> ex);
		}
		redirect.addFlashAttribute("recorded", true);
		return "redirect:/clinician/treatments/" + treatmentId;
	}

	@GetMapping("/clinician/treatments/{treatmentId}")
	String showTreatment(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID treatmentId, Model model) {
		TreatmentSummary treatment = this.treatments.find(user.clinicId(), new TreatmentId(treatmentId))
			.orElseThrow(() -> new NotFoundException("treatment"));
		model.addAttribute("treatment", treatment);
		model.addAttribute("patient", patient(user, treatment.patientId().value()));
		model.addAttribute("injector",
				this.accounts.find(user.clinicId(), treatment.injectorId())
					.map(AccountSummary::displayName)
					.orElse(null));
		model.addAttribute("checkIns", this.treatments.checkIns(user.clinicId(), new TreatmentId(treatmentId)));
		model.addAttribute("now", this.clock.instant());
		return "treatment/detail";
	}

	private PatientSummary patient(CurrentUser user, UUID patientId) {
		return this.patients.find(user.clinicId(), new PatientId(patientId))
			.orElseThrow(() -> new NotFoundException("patient"));
	}

	private void prepare(Model model, CurrentUser user, PatientSummary patient, TreatmentForm form) {
		model.addAttribute("patient", patient);
		model.addAttribute("clinicians", this.accounts.clinicians(user.clinicId()));
		model.addAttribute("warnings", IntakeWarning.of(patient.intake(), form.product()));
	}

	private void check(TreatmentForm form, BindingResult errors, List<AccountSummary> clinicians, CurrentUser user) {
		if (!form.anyAreaTreated() && !errors.hasFieldErrors("areas*")) {
			errors.rejectValue("areas", "treatment.areas.none");
		}
		if (form.injectorId() != null && !errors.hasFieldErrors("injectorId")
				&& clinicians.stream().noneMatch((c) -> c.id().value().equals(form.injectorId()))) {
			errors.rejectValue("injectorId", "treatment.injector.unknown");
		}
		if (form.treatedAt() != null && !errors.hasFieldErrors("treatedAt")) {
			Instant at = Dates.toInstant(form.treatedAt(), user.zone());
			Instant now = this.clock.instant();
			if (at.isAfter(now.plus(MAX_AHEAD))) {
				errors.rejectValue("treatedAt", "treatment.treatedAt.future");
			}
			else if (at.isBefore(now.minus(MAX_BACK))) {
				errors.rejectValue("treatedAt", "treatment.treatedAt.tooEarly");
			}
		}
		if (!Boolean.TRUE.equals(form.intakeReviewed())) {
			errors.rejectValue("intakeReviewed", "treatment.intakeReviewed.required");
		}
	}

}
