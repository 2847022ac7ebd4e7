package org.aftercare.triage;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.aftercare.report.ReportService;
import org.aftercare.report.SeverityChart;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;
import org.aftercare.web.NotFoundException;

/**
 * The data of the flag page's timeline chart: every entry and update of the flag's
 * episode, for {@code severity-chart.js}.
 */
@RestController
class FlagChartController {

	private final FlagPage page;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final MessageSource messages;

	FlagChartController(FlagPage page, TreatmentService treatments, ReportService reports, MessageSource messages) {
		this.page = page;
		this.treatments = treatments;
		this.reports = reports;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	@GetMapping(path = "/clinician/flags/{id}/chart", produces = MediaType.APPLICATION_JSON_VALUE)
	SeverityChart chartData(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale) {
		FlagPage.FlagRow flag = this.page.flag(user.clinicId(), id).orElseThrow(() -> new NotFoundException("flag"));
		TreatmentSummary treatment = this.treatments.find(user.clinicId(), flag.treatmentId())
			.orElseThrow(() -> new NotFoundException("treatment"));
		return SeverityChart.of(this.reports.episode(user.clinicId(), flag.treatmentId()), treatment.treatedAt(),
				user.zone(), (symptom) -> this.messages.getMessage("symptom." + symptom, null, locale),
				this.messages.getMessage("flag.chart.treatment", null, locale),
				this.messages.getMessage("flag.chart.day", null, locale));
	}

}
