package org.aftercare.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditLog;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientService.PatientSummary;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportService.ReportView;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * The clinic's patients: a searchable list, and one patient's page with every treatment
 * episode and what was reported and flagged in it. Every view of a patient's page is
 * audited.
 */
@Controller
class PatientController {

	private final PatientList list;

	private final PatientTimeline timeline;

	private final PatientService patients;

	private final ReportService reports;

	private final AuditLog audit;

	private final Clock clock;

	private final AccountService accounts;

	PatientController(PatientList list, PatientTimeline timeline, PatientService patients, ReportService reports,
			AuditLog audit, Clock clock, AccountService accounts) {
		this.accounts = accounts;
		this.list = list;
		this.timeline = timeline;
		this.patients = patients;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	/** One treatment with the reports and flags of its episode. */
	record Episode(PatientTimeline.TreatmentRow treatment, List<ReportView> reports,
			List<PatientTimeline.FlagRow> flags) {
	}

	@GetMapping("/clinician/patients")
	@Transactional(readOnly = true)
	String showPatients(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("search") PatientSearch search, BindingResult result, Model model,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("after") && !PatientList.isCursor(search.after())) {
			result.rejectValue("after", "patients.search.badCursor");
		}
		model.addAttribute("today", today(user));
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new PatientList.Page(List.of(), null));
			return "dashboard/patients";
		}
		model.addAttribute("page", this.list.page(user.clinicId(), search.search(), search.after()));
		return "dashboard/patients";
	}

	@GetMapping("/clinician/patients/{id}")
	@Transactional
	String showPatient(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		PatientSummary patient = this.patients.find(user.clinicId(), id)
			.orElseThrow(() -> new NotFoundException("patient"));
		PatientTimeline.Bounded<PatientTimeline.TreatmentRow> treatments = this.timeline.treatments(user.clinicId(),
				id);
		PatientTimeline.Bounded<PatientTimeline.FlagRow> flags = this.timeline.flags(user.clinicId(), id);
		List<ReportView> reports = this.reports.history(user.clinicId(), id);
		Map<UUID, Episode> episodes = new LinkedHashMap<>();
		for (PatientTimeline.TreatmentRow treatment : treatments.rows()) {
			episodes.put(treatment.id(),
					new Episode(treatment, new java.util.ArrayList<>(), new java.util.ArrayList<>()));
		}
		for (ReportView report : reports) {
			Episode episode = episodes.get(report.treatmentId());
			if (episode != null) {
				episode.reports().add(report);
			}
		}
		for (PatientTimeline.FlagRow flag : flags.rows()) {
			Episode episode = episodes.get(flag.treatmentId());
			if (episode != null) {
				episode.flags().add(flag);
			}
		}
		model.addAttribute("patient", patient);
		model.addAttribute("activated", this.accounts.hasActivated(user.clinicId(), id));
		model.addAttribute("age", Period.between(patient.intake().dateOfBirth(), today(user)).getYears());
		model.addAttribute("episodes", episodes.values());
		model.addAttribute("flags", flags.rows());
		model.addAttribute("moreTreatments", treatments.more());
		model.addAttribute("moreFlags", flags.more());
		model.addAttribute("reportCount", reports.size());
		this.audit.record(new AuditLog.Event(user.clinicId(), id, AuditAction.PATIENT_VIEWED, "patient", id, null));
		return "dashboard/patient";
	}

	private LocalDate today(CurrentUser user) {
		return LocalDate.now(this.clock.withZone(user.zone()));
	}

}
