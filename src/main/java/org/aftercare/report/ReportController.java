package org.aftercare.report;

import java.util.List;
import java.util.Map;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
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

	private final ReportService reports;

	private final TreatmentService treatments;

	private final ReportForms forms;

	ReportController(ReportService reports, TreatmentService treatments, ReportForms forms) {
		this.reports = reports;
		this.treatments = treatments;
		this.forms = forms;
	}

	/** The form's symptoms by group, other causes and answers. */
	@ModelAttribute
	void choices(Model model) {
		model.addAllAttributes(ReportForms.CHOICES);
	}

	@GetMapping("/me/reports/new")
	String showReportForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (this.treatments.latestFor(user.clinicId(), user.patientId()).isEmpty()) {
			return "report/no-treatment";
		}
		model.addAttribute("reportForm", this.forms.blank(user.zone()));
		return "report/form";
	}

	@PostMapping("/me/reports")
	String submitReport(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("reportForm") ReportForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		return this.forms.submit(new ReportForms.Reporter(user.clinicId(), user.patientId(), user.zone()), form, result,
				model, response,
				(report) -> submitted(this.reports, user.clinicId(), report, () -> this.reports.submit(report)));
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
			this.forms.checkUpdate(form, result, entry, user.zone());
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
			ReportService.NewReport report = ReportService.NewReport.of(user.clinicId(), user.patientId(),
					form.formToken(), List.of(update), null);
			return submitted(this.reports, user.clinicId(), report, () -> this.reports.submit(report));
		});
	}

	private ReportService.EntryView ownEntry(CurrentUser user, UUID entryId) {
		return this.reports.findEntryForPatient(user.clinicId(), user.patientId(), entryId)
			.orElseThrow(() -> new NotFoundException("entry"));
	}

	/**
	 * Saves and redirects to the saved report's advice; a form token already used (a
	 * double click, a refresh, Back and submit again) leads to the report it created.
	 */
	static String submitted(ReportService reports, UUID clinicId, ReportService.NewReport report, Supplier<UUID> save) {
		try {
			return redirectTo(submitOnceMore(reports, clinicId, report.formToken(), save));
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
	static UUID submitOnceMore(ReportService reports, UUID clinicId, UUID formToken, Supplier<UUID> save) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			// Two submits of one form raced; the first one won. Show it.
			Optional<UUID> first = reports.findByFormToken(clinicId, formToken);
			if (first.isPresent()) {
				return first.get();
			}
			log.info("Report submit raced another write, trying once more: {}", ex.getMessage());
			return save.get();
		}
		catch (OptimisticLockingFailureException ex) {
			log.info("Report submit raced a change to a flag of its episode, trying once more: {}", ex.getMessage());
			return save.get();
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

}
