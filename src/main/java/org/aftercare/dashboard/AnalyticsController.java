package org.aftercare.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;

/**
 * What the clinic learns (CLINICAL.md section 6): the page with its table and chart, the
 * same numbers as JSON and as a CSV download. Bad parameters come back beside their field
 * (422), never as an error page.
 */
@Controller
class AnalyticsController {

	private final Analytics analytics;

	private final MessageSource messages;

	private final Clock clock;

	AnalyticsController(Analytics analytics, MessageSource messages, Clock clock) {
		this.analytics = analytics;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/clinician/analytics")
	String showAnalytics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String dimension,
			@RequestParam(required = false) String symptom, Model model, HttpServletResponse response) {
		AnalyticsForm form = new AnalyticsForm(from, to, dimension, symptom);
		LocalDate today = today(user);
		AnalyticsForm.Parsed parsed = form.parse(today);
		model.addAttribute("form", form.withDefaults(today));
		model.addAttribute("errors", parsed.errors());
		model.addAttribute("dimensions", AnalyticsDimension.values());
		model.addAttribute("symptoms", Symptom.values());
		if (!parsed.valid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "dashboard/analytics";
		}
		model.addAttribute("result", this.analytics.incidence(user.clinicId(), user.zone(), parsed.criteria()));
		return "dashboard/analytics";
	}

	@GetMapping(path = "/clinician/analytics.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> analyticsJson(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String dimension, @RequestParam(required = false) String symptom) {
		AnalyticsForm.Parsed parsed = new AnalyticsForm(from, to, dimension, symptom).parse(today(user));
		if (!parsed.valid()) {
			return ResponseEntity.unprocessableContent().body(Map.of("errors", resolved(parsed.errors())));
		}
		return ResponseEntity.ok(this.analytics.incidence(user.clinicId(), user.zone(), parsed.criteria()));
	}

	@GetMapping("/clinician/analytics.csv")
	void analyticsCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String dimension,
			@RequestParam(required = false) String symptom, HttpServletResponse response) throws IOException {
		AnalyticsForm.Parsed parsed = new AnalyticsForm(from, to, dimension, symptom).parse(today(user));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (!parsed.valid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().println(String.join("\n", resolved(parsed.errors()).values()));
			return;
		}
		AnalyticsCriteria criteria = parsed.criteria();
		AnalyticsResult result = this.analytics.incidence(user.clinicId(), user.zone(), criteria);
		String filename = "aftercare-" + criteria.symptom().name().toLowerCase() + "-by-"
				+ criteria.dimension().name().toLowerCase() + "-" + criteria.from() + "-" + criteria.to() + ".csv";
		response.setContentType("text/csv");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		AnalyticsCsv.write(result, response.getWriter());
	}

	private LocalDate today(CurrentUser user) {
		return LocalDate.ofInstant(this.clock.instant(), user.zone());
	}

	private Map<String, String> resolved(Map<String, String> errors) {
		Map<String, String> resolved = new LinkedHashMap<>();
		errors.forEach((field, key) -> resolved.put(field,
				this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
		return resolved;
	}

}
