package org.aftercare.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;
import org.aftercare.web.Dates;
import org.aftercare.web.DatabaseUnavailableAdvice;
import org.aftercare.web.Ids;
import org.aftercare.web.NotFoundException;

/**
 * The patient's side: their recovery page, the report form and their own reports.
 */
@Controller
class ReportController {

	/**
	 * A symptom that started more than 12 weeks before the treatment is not about this
	 * episode.
	 */
	static final long MAX_DAYS_BEFORE_TREATMENT = 7 * 12;

	private final ReportService reports;

	private final TreatmentService treatments;

	private final Clock clock;

	ReportController(ReportService reports, TreatmentService treatments, Clock clock) {
		this.reports = reports;
		this.treatments = treatments;
		this.clock = clock;
	}

	@ModelAttribute("symptomGroups")
	List<SymptomGroup> symptomGroups() {
		return Arrays.asList(SymptomGroup.values());
	}

	@GetMapping("/me")
	String showRecovery(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("treatment", this.treatments.latestFor(user.clinicId(), user.patientId()).orElse(null));
		model.addAttribute("reports", this.reports.history(user.clinicId(), user.patientId()));
		return "report/recovery";
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
		TreatmentSummary treatment = this.treatments.latestFor(user.clinicId(), user.patientId()).orElse(null);
		if (treatment == null) {
			return "report/no-treatment";
		}
		checkTimes(form, result, treatment, user.zone());
		if (form.symptom() == Symptom.OTHER && form.trimmedOtherDescription() == null
				&& !result.hasFieldErrors("otherDescription")) {
			result.rejectValue("otherDescription", "report.otherDescription.required");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "report/form";
		}
		try {
			UUID id = this.reports.submit(toNewReport(user, form));
			return "redirect:/me/reports/" + id + "/advice";
		}
		catch (DataIntegrityViolationException ex) {
			// Two submits of one form raced; the first one won. Show it.
			return this.reports.findByFormToken(user.clinicId(), form.formToken())
				.map((id) -> "redirect:/me/reports/" + id + "/advice")
				.orElseThrow(() -> ex);
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailableAdvice.isUnavailable(ex)) {
				throw ex;
			}
			model.addAttribute("notSaved", true);
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return "report/form";
		}
	}

	@GetMapping("/me/reports/{id}")
	String showOwnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("report", this.reports.findForPatient(user.clinicId(), user.patientId(), id)
			.orElseThrow(() -> new NotFoundException("report")));
		return "report/detail";
	}

	private void checkTimes(ReportForm form, BindingResult result, TreatmentSummary treatment, ZoneId zone) {
		LocalDateTime now = now(zone);
		if (form.startedAt() != null && !result.hasFieldErrors("startedAt")) {
			if (form.startedAt().isAfter(now)) {
				result.rejectValue("startedAt", "report.startedAt.future");
			}
			else if (Dates.toInstant(form.startedAt(), zone)
				.isBefore(treatment.treatedAt().minus(MAX_DAYS_BEFORE_TREATMENT, ChronoUnit.DAYS))) {
				result.rejectValue("startedAt", "report.startedAt.tooEarly");
			}
		}
		if (Boolean.FALSE.equals(form.ongoing()) && !result.hasFieldErrors("stoppedAt")) {
			if (form.stoppedAt() == null) {
				result.rejectValue("stoppedAt", "report.stoppedAt.required");
			}
			else if (form.stoppedAt().isAfter(now)) {
				result.rejectValue("stoppedAt", "report.stoppedAt.future");
			}
			else if (form.startedAt() != null && form.stoppedAt().isBefore(form.startedAt())) {
				result.rejectValue("stoppedAt", "report.stoppedAt.beforeStart");
			}
		}
	}

	private ReportService.NewReport toNewReport(CurrentUser user, ReportForm form) {
		ZoneId zone = user.zone();
		boolean ongoing = Boolean.TRUE.equals(form.ongoing());
		ReportService.NewEntry entry = new ReportService.NewEntry(form.symptom(),
				form.symptom() == Symptom.OTHER ? form.trimmedOtherDescription() : null, form.severity(), null,
				Dates.toInstant(form.startedAt(), zone), ongoing,
				ongoing ? null : Dates.toInstant(form.stoppedAt(), zone), null, null, null, null);
		return ReportService.NewReport.of(user.clinicId(), user.patientId(), form.formToken(), List.of(entry),
				form.trimmedNotes());
	}

	private LocalDateTime now(ZoneId zone) {
		return Dates.toLocal(Instant.now(this.clock), zone);
	}

}
