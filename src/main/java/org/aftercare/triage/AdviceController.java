package org.aftercare.triage;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.clinic.ClinicService;
import org.aftercare.report.CheckInLinkAnswers;
import org.aftercare.security.ClinicScope;
import org.aftercare.report.ReportService;
import org.aftercare.security.CurrentUser;
import org.aftercare.triage.rules.Advice;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.web.NotFoundException;

/**
 * What the patient is told the moment they submit (CLINICAL.md section 4). It depends
 * only on the flags that the report's evaluation stored and on the clinic's phone
 * numbers, never on whether the clinic's alert was sent.
 */
@Controller
class AdviceController {

	private final ReportService reports;

	private final FlagEvidenceRepository evidence;

	private final ClinicService clinics;

	private final TransactionTemplate readOnly;

	AdviceController(ReportService reports, FlagEvidenceRepository evidence, ClinicService clinics,
			PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.reports = reports;
		this.evidence = evidence;
		this.clinics = clinics;
	}

	@GetMapping("/me/reports/{id}/advice")
	@Transactional(readOnly = true)
	String showAdvice(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		ReportService.ReportView report = this.reports.findForPatient(user.clinicId(), user.patientId(), id)
			.orElseThrow(() -> new NotFoundException("report"));
		model.addAttribute("report", report);
		model.addAttribute("advice", adviceFor(this.evidence.findByClinicIdAndReportId(user.clinicId(), id)));
		model.addAttribute("clinic", this.clinics.get(user.clinicId()));
		return "triage/advice";
	}

	/**
	 * The advice of the answer just given through a check-in link: the one report a
	 * link's holder may see, from the grant in their session.
	 */
	@GetMapping("/check-in/advice")
	String showAdviceViaLink(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Referrer-Policy", "no-referrer");
		CheckInLinkAnswers.Answer answer = CheckInLinkAnswers.of(request).orElse(null);
		if (answer == null) {
			return "redirect:/check-in";
		}
		return ClinicScope.runInClinic(answer.clinicId(), () -> this.readOnly.execute((status) -> {
			ReportService.ReportView report = this.reports
				.findForPatient(answer.clinicId(), answer.patientId(), answer.reportId())
				.orElseThrow(() -> new NotFoundException("report"));
			model.addAttribute("report", report);
			model.addAttribute("advice",
					adviceFor(this.evidence.findByClinicIdAndReportId(answer.clinicId(), answer.reportId())));
			model.addAttribute("clinic", this.clinics.get(answer.clinicId()));
			model.addAttribute("viaLink", true);
			return "triage/advice";
		}));
	}

	static Advice adviceFor(List<FlagEvidence> evidence) {
		Advice.Level level = evidence.stream()
			.map(FlagEvidence::priority)
			.max(Enum::compareTo)
			.map(Advice.Level::of)
			.orElse(Advice.Level.ROUTINE);
		boolean otherCause = evidence.stream()
			.anyMatch((e) -> e.ruleCode() == RuleCode.R3_HEADACHE_RED_FLAG || e.mayHaveOtherCause());
		return new Advice(level, otherCause);
	}

}
