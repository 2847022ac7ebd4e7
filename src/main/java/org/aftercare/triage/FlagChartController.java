package org.aftercare.triage;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.aftercare.report.SeverityChart;
import org.aftercare.security.CurrentUser;

/**
 * The data of the flag page's timeline chart: every entry and update of the flag's
 * episode, for {@code severity-chart.js}.
 */
@RestController
class FlagChartController {

	private final FlagPages pages;

	private final MessageSource messages;

	FlagChartController(FlagPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping(path = "/clinician/flags/{id}/chart", produces = MediaType.APPLICATION_JSON_VALUE)
	SeverityChart chartData(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Locale locale) {
		EpisodeChart episode = this.pages.chart(user.clinicId(), id);
		return SeverityChart.of(episode.reports(), episode.treatedAt(), user.zone(),
				(symptom) -> this.messages.getMessage("symptom." + symptom, null, locale),
				this.messages.getMessage("flag.chart.treatment", null, locale),
				this.messages.getMessage("flag.chart.day", null, locale));
	}

}
