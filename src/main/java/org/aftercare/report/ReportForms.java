package org.aftercare.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.web.Dates;
import org.aftercare.web.Ids;

/**
 * The report form's checks and its conversion into a report to save: the same for the
 * signed-in patient's form and for the form a check-in link opens.
 */
@Component
class ReportForms {

	/**
	 * A symptom that started more than 12 weeks before the treatment is not about this
	 * episode.
	 */
	static final long MAX_DAYS_BEFORE_TREATMENT = 7 * 12;

	/** The form's choices, in catalogue order: the same on every page that shows it. */
	static final Map<String, Object> CHOICES = Map.of("symptomsByGroup", symptomsByGroup(), "symptomGroups",
			List.of(SymptomGroup.values()), "confounders", List.of(Confounder.values()), "medicinesHelpedAnswers",
			List.of(MedicinesHelped.values()));

	private final TreatmentService treatments;

	private final SpringValidatorAdapter validator;

	private final Clock clock;

	ReportForms(TreatmentService treatments, jakarta.validation.Validator validator, Clock clock) {
		this.treatments = treatments;
		this.validator = new SpringValidatorAdapter(validator);
		this.clock = clock;
	}

	/** Whose report it is: the signed-in patient, or the holder of a check-in link. */
	record Reporter(ClinicId clinicId, UUID patientId, ZoneId zone) {
	}

	private static Map<SymptomGroup, List<Symptom>> symptomsByGroup() {
		Map<SymptomGroup, List<Symptom>> groups = new EnumMap<>(SymptomGroup.class);
		for (SymptomGroup group : SymptomGroup.values()) {
			groups.put(group, Symptom.inGroup(group));
		}
		return java.util.Collections.unmodifiableMap(groups);
	}

	/** A new form, its times starting now in the patient's zone. */
	ReportForm blank(ZoneId zone) {
		return ReportForm.blank(Ids.next(), now(zone));
	}

	/**
	 * Checks a submitted form and saves it through {@code save}, which answers the view
	 * to go to. The form comes back with everything typed and a message on each wrong
	 * field (422), or "not saved yet" when the database is out of reach (503).
	 */
	String submit(Reporter who, ReportForm form, BindingResult result, Model model, HttpServletResponse response,
			Function<NewReport, String> save) {
		ReportForm complete = complete(form, now(who.zone()));
		BindingResult errors = rebind(complete, result);
		model.addAttribute("reportForm", complete);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "reportForm", errors);
		return Submits.saving(model, response, "report/form", () -> {
			TreatmentSummary treatment = this.treatments.latestFor(who.clinicId(), new PatientId(who.patientId()))
				.orElse(null);
			if (treatment == null) {
				return "report/no-treatment";
			}
			checkEntries(complete, errors, treatment, who.zone());
			if (hasErrorsOnChosen(complete, errors)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return "report/form";
			}
			return save.apply(toNewReport(who, complete));
		});
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

	void checkUpdate(UpdateForm form, BindingResult errors, EntryView entry, ZoneId zone) {
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

	private static NewReport toNewReport(Reporter who, ReportForm form) {
		ZoneId zone = who.zone();
		List<NewEntry> entries = new ArrayList<>();
		for (EntryForm entry : form.entries()) {
			if (!entry.isChosen()) {
				continue;
			}
			boolean ongoing = Boolean.TRUE.equals(entry.ongoing());
			boolean headache = entry.symptom() == Symptom.HEADACHE;
			entries.add(new NewEntry(entry.symptom(),
					entry.symptom() == Symptom.OTHER ? entry.trimmedOtherDescription() : null, entry.severity(),
					entry.interference(), Dates.toInstant(entry.startedAt(), zone), ongoing,
					ongoing ? null : Dates.toInstant(entry.stoppedAt(), zone),
					headache ? entry.suddenWorstEver() : null, headache ? entry.feverOrStiffNeck() : null,
					headache ? entry.neurologicalSigns() : null, null));
		}
		return new NewReport(who.clinicId(), new PatientId(who.patientId()), form.formToken(), entries,
				form.otherCauses(), form.trimmedMedicines(), form.medicinesHelped(),
				Boolean.TRUE.equals(form.wentToEmergency()), Boolean.TRUE.equals(form.admittedToHospital()),
				form.trimmedNotes());
	}

	LocalDateTime now(ZoneId zone) {
		return Dates.toLocal(Instant.now(this.clock), zone);
	}

}
