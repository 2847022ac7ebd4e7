package org.aftercare.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.account.AccountService;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.Languages;
import org.aftercare.web.NotFoundException;

/**
 * A clinician enrols a patient with their intake history and language; the patient gets
 * an e-mailed invitation, in that language, to set a password.
 */
@Controller
class EnrolmentController {

	/** Botulinum toxin for cosmetic use is licensed for adults only. */
	static final int ADULT_AGE = 18;

	/** Nobody alive was born earlier: a guard against a mistyped year. */
	static final int MAX_AGE = 120;

	private final Enrolment enrolment;

	private final PatientService patients;

	private final AccountService accounts;

	private final Clock clock;

	private final Languages languages;

	EnrolmentController(Enrolment enrolment, PatientService patients, AccountService accounts, Clock clock,
			Languages languages) {
		this.languages = languages;
		this.enrolment = enrolment;
		this.patients = patients;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/clinician/enrol")
	String showEnrolmentForm(Model model, HttpServletRequest request) {
		model.addAttribute("enrolmentForm", EnrolmentForm.blank(defaultLanguage(request).toLanguageTag()));
		return "patient/enrol";
	}

	/**
	 * What the language select starts at: the clinician's browser's first language the
	 * app has (a clinic in Spain reads Spanish browsers), else English. Staff pages stay
	 * English whatever the browser says; this only guesses the patients' most likely
	 * language, and the clinician sees and changes it.
	 */
	private Locale defaultLanguage(HttpServletRequest request) {
		return this.languages.bestFor(Collections.list(request.getLocales()));
	}

	@PostMapping("/clinician/enrol")
	String enrolPatient(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("enrolmentForm") EnrolmentForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response) {
		check(form, result, LocalDate.ofInstant(this.clock.instant(), user.zone()));
		// A form sent without the select (an older page) gets what the select starts at.
		Optional<Locale> language = (form.language() == null || form.language().isBlank())
				? Optional.of(defaultLanguage(request)) : this.languages.find(form.language());
		if (language.isEmpty() && !result.hasFieldErrors("language")) {
			result.rejectValue("language", "enrol.language.unknown");
		}
		if (!result.hasErrors()) {
			try {
				UUID patientId = this.enrolment.enrol(user.clinicId(), form.toIntake(), language.get());
				return "redirect:/clinician/enrol/" + patientId + "/invited";
			}
			catch (IllegalArgumentException | DataIntegrityViolationException ex) {
				// Another enrolment took the address between the check and the save.
				result.rejectValue("email", "enrol.email.taken");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "patient/enrol";
	}

	@GetMapping("/clinician/enrol/{patientId}/invited")
	String showInvited(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID patientId, Model model) {
		model.addAttribute("patient", this.patients.find(user.clinicId(), new PatientId(patientId))
			.orElseThrow(() -> new NotFoundException("patient")));
		return "patient/invited";
	}

	private void check(EnrolmentForm form, BindingResult result, LocalDate today) {
		LocalDate born = form.dateOfBirth();
		if (born != null && !result.hasFieldErrors("dateOfBirth")) {
			if (born.isAfter(today.minusYears(ADULT_AGE))) {
				result.rejectValue("dateOfBirth", "enrol.dateOfBirth.minor", new Object[] { ADULT_AGE }, null);
			}
			else if (born.isBefore(today.minusYears(MAX_AGE))) {
				result.rejectValue("dateOfBirth", "enrol.dateOfBirth.tooOld", new Object[] { MAX_AGE }, null);
			}
		}
		if (form.email() != null && !result.hasFieldErrors("email") && this.accounts.emailTaken(form.email())) {
			result.rejectValue("email", "enrol.email.taken");
		}
	}

}
