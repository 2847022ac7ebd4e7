package org.aftercare.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;
import org.aftercare.web.DatabaseUnavailableAdvice;
import org.aftercare.web.Dates;
import org.aftercare.web.Ids;
import org.aftercare.web.NotFoundException;

/**
 * The patient's write path: the report form, updates to earlier entries, and their own
 * reports.
 */
@Controller
class ReportController {

	private static final Logger log = LoggerFactory.getLogger(ReportController.class);

	/**
	 * A symptom that started more than 12 weeks before the treatment is not about this
	 * episode.
	 */
	static final long MAX_DAYS_BEFORE_TREATMENT = 7 * 12;

	private final ReportService reports;

	private final TreatmentService treatments;

	private final SpringValidatorAdapter validator;

	private final Clock clock;

	ReportController(ReportService reports, TreatmentService treatments, jakarta.validation.Validator validator,
			Clock clock) {
		this.reports = reports;
		this.treatments = treatments;
		this.validator = new SpringValidatorAdapter(validator);
		this.clock = clock;
	}

	/** Each group's symptoms, in catalogue order. */
	@ModelAttribute("symptomsByGroup")
	Map<SymptomGroup, List<Symptom>> symptomsByGroup() {
		Map<SymptomGroup, List<Symptom>> groups = new EnumMap<>(SymptomGroup.class);
		for (SymptomGroup group : SymptomGroup.values()) {
			groups.put(group, Symptom.inGroup(group));
		}
		return groups;
	}

	@ModelAttribute("symptomGroups")
	List<SymptomGroup> symptomGroups() {
		return Arrays.asList(SymptomGroup.values());
	}

	@ModelAttribute("confounders")
	List<Confounder> confounders() {
		return Arrays.asList(Confounder.values());
	}

	@ModelAttribute("medicinesHelpedAnswers")
	List<MedicinesHelped> medicinesHelpedAnswers() {
		return Arrays.asList(MedicinesHelped.values());
	}

	@GetMapping("/me/reports/new")
	String showReportForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (this.treatments.latestFor(user.clinicId(), user.patientId()).isEmpty()) {
			return "report/no-treatment";
		}
		model.addAttribute("reportForm", ReportForm.blank(Ids.next(), now(user.zone())));
		return "report/form";
	}

	@PostMapping("/me/reports")
	String submitReport(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("reportForm") ReportForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		ReportForm complete = complete(form, now(user.zone()));
		BindingResult errors = rebind(complete, result);
		model.addAttribute("reportForm", complete);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "reportForm", errors);
		return saving(model, response, "report/form", () -> {
			TreatmentSummary treatment = this.treatments.latestFor(user.clinicId(), user.patientId()).orElse(null);
			if (treatment == null) {
				return "report/no-treatment";
			}
			checkEntries(complete, errors, treatment, user.zone());
			if (hasErrorsOnChosen(complete, errors)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return "report/form";
			}
			return submitted(this.reports, user, complete.formToken(), toNewReport(user, complete));
		});
	}

	@GetMapping("/me/reports/{id}")
	String showOwnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("report", this.reports.findForPatient(user.clinicId(), user.patientId(), id)
			.orElseThrow(() -> new NotFoundException("report")));
		model.addAttribute("canUpdate", true);
		return "report/detail";
	}

	@GetMapping("/me/entries/{entryId}/update")
	String showUpdateForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID entryId, Model model) {
		model.addAttribute("entry", ownEntry(user, entryId));
		model.addAttribute("entryId", entryId);
		model.addAttribute("updateForm", UpdateForm.blank(Ids.next()));
		return "report/update";
	}

	@PostMapping("/me/entries/{entryId}/update")
	String submitUpdate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID entryId,
			@Valid @ModelAttribute("updateForm") UpdateForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		model.addAttribute("entryId", entryId);
		return saving(model, response, "report/update", () -> {
			ReportService.EntryView entry = ownEntry(user, entryId);
			model.addAttribute("entry", entry);
			checkUpdate(form, result, entry, user.zone());
			if (result.hasErrors()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return "report/update";
			}
			boolean ongoing = Boolean.TRUE.equals(form.ongoing());
			boolean headache = entry.symptom() == Symptom.HEADACHE;
			ReportService.NewEntry update = new ReportService.NewEntry(entry.symptom(), entry.otherDescription(),
					form.severity(), null, entry.startedAt(), ongoing,
					ongoing ? null : Dates.toInstant(form.stoppedAt(), user.zone()),
					headache ? form.suddenWorstEver() : null, headache ? form.feverOrStiffNeck() : null,
					headache ? form.neurologicalSigns() : null, entry.id());
			return submitted(this.reports, user, form.formToken(), ReportService.NewReport.of(user.clinicId(),
					user.patientId(), form.formToken(), List.of(update), null));
		});
	}

	private ReportService.EntryView ownEntry(CurrentUser user, UUID entryId) {
		return this.reports.findEntryForPatient(user.clinicId(), user.patientId(), entryId)
			.orElseThrow(() -> new NotFoundException("entry"));
	}

	/**
	 * Saves and redirects to the saved report; a form token already used (a double click,
	 * a refresh, Back and submit again) leads to the report it created.
	 */
	static String submitted(ReportService reports, CurrentUser user, UUID formToken, ReportService.NewReport report) {
		try {
			return redirectTo(submitOnceMore(reports, user, formToken, report));
		}
		catch (NoTreatmentException ex) {
			return "report/no-treatment";
		}
	}

	/**
	 * Saves the report; when it lost a race, tries once more in a new transaction.
	 * Reports of one episode are evaluated one at a time (the triage locks the episode),
	 * but a clinician's action on one of its flags at the same moment still fails the
	 * report's update of that flag (optimistic lock), and a second submit of the same
	 * form hits the form token's unique index (then the first report is the answer). A
	 * patient never gets an error page for either.
	 */
	static UUID submitOnceMore(ReportService reports, CurrentUser user, UUID formToken,
			ReportService.NewReport report) {
		try {
			return reports.submit(report);
		}
		catch (DataIntegrityViolationException ex) {
			// Two submits of one form raced; the first one won. Show it.
			Optional<UUID> first = reports.findByFormToken(user.clinicId(), formToken);
			if (first.isPresent()) {
				return first.get();
			}
			log.info("Report submit raced another write, trying once more: {}", ex.getMessage());
			return reports.submit(report);
		}
		catch (OptimisticLockingFailureException ex) {
			log.info("Report submit raced a change to a flag of its episode, trying once more: {}", ex.getMessage());
			return reports.submit(report);
		}
	}

	static String redirectTo(UUID reportId) {
		return "redirect:/me/reports/" + reportId + "/advice";
	}

	/**
	 * Runs a form's write; when the database is out of reach the form comes back with
	 * everything typed and "not saved yet" (503).
	 */
	static String saving(Model model, HttpServletResponse response, String formView, Supplier<String> write) {
		try {
			return write.get();
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailableAdvice.isUnavailable(ex)) {
				throw ex;
			}
			log.warn("Not saved, database unavailable: {}", ex.getMessage());
			model.addAttribute("notSaved", true);
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return formView;
		}
	}

	/**
	 * One entry per symptom in catalogue order, whatever the request held: the form can
	 * always be shown again.
	 */
	private static ReportForm complete(ReportForm form, LocalDateTime now) {
		Map<Symptom, EntryForm> bound = new EnumMap<>(Symptom.class);
		for (EntryForm entry : form.entries()) {
			if (entry != null && entry.symptom() != null) {
				bound.putIfAbsent(entry.symptom(), entry);
			}
		}
		List<EntryForm> entries = new ArrayList<>();
		for (Symptom symptom : Symptom.values()) {
			entries.add(bound.getOrDefault(symptom, EntryForm.blank(symptom, now)));
		}
		Set<Confounder> causes = form.otherCauses().isEmpty() ? Set.of() : EnumSet.copyOf(form.otherCauses());
		// A form without its token gets a new one, so that sending it again can work.
		UUID token = (form.formToken() != null) ? form.formToken() : Ids.next();
		return new ReportForm(token, entries, causes, form.medicines(), form.medicinesHelped(), form.wentToEmergency(),
				form.admittedToHospital(), form.notes());
	}

	/** The errors of the request, now about the completed form. */
	private static BindingResult rebind(ReportForm complete, BindingResult result) {
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(complete, result.getObjectName());
		errors.addAllErrors(result);
		return errors;
	}

	private void checkEntries(ReportForm form, BindingResult errors, TreatmentSummary treatment, ZoneId zone) {
		if (form.nothingChosen()) {
			errors.rejectValue("entries", "report.entries.none");
		}
		List<EntryForm> entries = form.entries();
		for (int i = 0; i < entries.size(); i++) {
			EntryForm entry = entries.get(i);
			if (!entry.isChosen()) {
				continue;
			}
			errors.pushNestedPath("entries[" + i + "]");
			this.validator.validate(entry, errors);
			required(errors, "severity", entry.severity(), "report.severity.required");
			required(errors, "interference", entry.interference(), "report.interference.required");
			required(errors, "startedAt", entry.startedAt(), "report.startedAt.required");
			required(errors, "ongoing", entry.ongoing(), "report.ongoing.required");
			if (entry.symptom() == Symptom.OTHER && entry.trimmedOtherDescription() == null) {
				required(errors, "otherDescription", null, "report.otherDescription.required");
			}
			if (entry.symptom() == Symptom.HEADACHE) {
				required(errors, "suddenWorstEver", entry.suddenWorstEver(), "report.redFlag.required");
				required(errors, "feverOrStiffNeck", entry.feverOrStiffNeck(), "report.redFlag.required");
				required(errors, "neurologicalSigns", entry.neurologicalSigns(), "report.redFlag.required");
			}
			checkTimes(entry.startedAt(), entry.ongoing(), entry.stoppedAt(), errors, treatment, zone);
			errors.popNestedPath();
		}
	}

	private void checkUpdate(UpdateForm form, BindingResult errors, ReportService.EntryView entry, ZoneId zone) {
		if (entry.symptom() == Symptom.HEADACHE) {
			required(errors, "suddenWorstEver", form.suddenWorstEver(), "report.redFlag.required");
			required(errors, "feverOrStiffNeck", form.feverOrStiffNeck(), "report.redFlag.required");
			required(errors, "neurologicalSigns", form.neurologicalSigns(), "report.redFlag.required");
		}
		checkTimes(Dates.toLocal(entry.startedAt(), zone), form.ongoing(), form.stoppedAt(), errors, null, zone);
	}

	private static void required(Errors errors, String field, Object value, String code) {
		if (value == null && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code);
		}
	}

	/** Start and stop rules; {@code treatment} is null when the start is not new. */
	private void checkTimes(LocalDateTime startedAt, Boolean ongoing, LocalDateTime stoppedAt, Errors errors,
			TreatmentSummary treatment, ZoneId zone) {
		LocalDateTime now = now(zone);
		if (treatment != null && startedAt != null && !errors.hasFieldErrors("startedAt")) {
			if (startedAt.isAfter(now)) {
				errors.rejectValue("startedAt", "report.startedAt.future");
			}
			else if (Dates.toInstant(startedAt, zone)
				.isBefore(treatment.treatedAt().minus(MAX_DAYS_BEFORE_TREATMENT, ChronoUnit.DAYS))) {
				errors.rejectValue("startedAt", "report.startedAt.tooEarly");
			}
		}
		if (Boolean.FALSE.equals(ongoing) && !errors.hasFieldErrors("stoppedAt")) {
			if (stoppedAt == null) {
				errors.rejectValue("stoppedAt", "report.stoppedAt.required");
			}
			else if (stoppedAt.isAfter(now)) {
				errors.rejectValue("stoppedAt", "report.stoppedAt.future");
			}
			else if (startedAt != null && stoppedAt.isBefore(startedAt)) {
				errors.rejectValue("stoppedAt", "report.stoppedAt.beforeStart");
			}
		}
	}

	/**
	 * Errors that matter: any but those in the sections of symptoms not chosen (which the
	 * patient cannot see).
	 */
	private static boolean hasErrorsOnChosen(ReportForm form, BindingResult errors) {
		if (errors.hasGlobalErrors()) {
			return true;
		}
		for (FieldError error : errors.getFieldErrors()) {
			String field = error.getField();
			if (!field.startsWith("entries[")) {
				return true;
			}
			int end = field.indexOf(']');
			try {
				int index = Integer.parseInt(field.substring("entries[".length(), end));
				if (index >= form.entries().size() || form.entries().get(index).isChosen()) {
					return true;
				}
			}
			catch (RuntimeException ex) {
				return true;
			}
		}
		return false;
	}

	private ReportService.NewReport toNewReport(CurrentUser user, ReportForm form) {
		ZoneId zone = user.zone();
		List<ReportService.NewEntry> entries = new ArrayList<>();
		for (EntryForm entry : form.entries()) {
			if (!entry.isChosen()) {
				continue;
			}
			boolean ongoing = Boolean.TRUE.equals(entry.ongoing());
			boolean headache = entry.symptom() == Symptom.HEADACHE;
			entries.add(new ReportService.NewEntry(entry.symptom(),
					entry.symptom() == Symptom.OTHER ? entry.trimmedOtherDescription() : null, entry.severity(),
					entry.interference(), Dates.toInstant(entry.startedAt(), zone), ongoing,
					ongoing ? null : Dates.toInstant(entry.stoppedAt(), zone),
					headache ? entry.suddenWorstEver() : null, headache ? entry.feverOrStiffNeck() : null,
					headache ? entry.neurologicalSigns() : null, null));
		}
		return new ReportService.NewReport(user.clinicId(), user.patientId(), form.formToken(), entries,
				form.otherCauses(), form.trimmedMedicines(), form.medicinesHelped(),
				Boolean.TRUE.equals(form.wentToEmergency()), Boolean.TRUE.equals(form.admittedToHospital()),
				form.trimmedNotes());
	}

	private LocalDateTime now(ZoneId zone) {
		return Dates.toLocal(Instant.now(this.clock), zone);
	}

}
