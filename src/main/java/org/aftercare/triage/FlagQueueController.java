package org.aftercare.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.aftercare.account.AccountSummary;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.Product;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleSettings;
import org.aftercare.web.Choice;
import org.aftercare.web.Dates;

/**
 * The clinician's flag queue (their landing page) and the rule transparency page.
 */
@Controller
class FlagQueueController {

	private final QueuePages pages;

	private final Clock clock;

	private final MessageSource messages;

	private final Dates dates;

	FlagQueueController(QueuePages pages, Clock clock, MessageSource messages, Dates dates) {
		this.pages = pages;
		this.clock = clock;
		this.messages = messages;
		this.dates = dates;
	}

	/** The most urgent first, as a nurse reads the counts. */
	static final List<Priority> URGENT_FIRST = List.of(Priority.EMERGENCY, Priority.HIGH, Priority.MEDIUM);

	@GetMapping("/clinician/flags")
	String showQueue(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") QueueFilter filter,
			BindingResult result, Model model, HttpServletResponse response, Locale locale) {
		Instant now = this.clock.instant();
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			result.rejectValue("to", "queue.filter.toBeforeFrom");
		}
		QueueView view = this.pages.show(user.clinicId(), user.accountId(), filter, !result.hasErrors(), user.zone());
		model.addAttribute("counts", view.counts());
		model.addAttribute("loadedAt", now.toEpochMilli());
		model.addAttribute("priorities", URGENT_FIRST);
		model.addAttribute("viewChoices",
				choices(List.of(QueueFilter.View.values()), filter.view(), "queue.view.", locale));
		model.addAttribute("priorityChoices", choices(URGENT_FIRST, filter.priority(), "priority.", locale));
		model.addAttribute("symptomChoices", choices(List.of(Symptom.values()), filter.symptom(), "symptom.", locale));
		model.addAttribute("productChoices", choices(List.of(Product.values()), filter.product(), "product.", locale));
		model.addAttribute("assignedChoices",
				choices(List.of(QueueFilter.Assigned.values()), filter.assigned(), "queue.assigned.", locale));
		List<Choice> injectors = new ArrayList<>();
		for (AccountSummary clinician : view.clinicians()) {
			injectors.add(new Choice(clinician.id().toString(), clinician.displayName(),
					clinician.id().value().equals(filter.injector())));
		}
		model.addAttribute("injectorChoices", injectors);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new FlagQueue.Page(List.of(), null));
			model.addAttribute("rows", List.of());
			return "triage/queue";
		}
		FlagQueue.Page page = view.page();
		List<QueueRow> rows = new ArrayList<>(page.rows().size());
		for (FlagQueue.Row row : page.rows()) {
			rows.add(row(row, view.settings(), user, now, locale));
		}
		model.addAttribute("page", page);
		model.addAttribute("rows", rows);
		return "triage/queue";
	}

	private QueueRow row(FlagQueue.Row row, RuleSettings settings, CurrentUser user, Instant now, Locale locale) {
		String target = null;
		boolean overdue = false;
		if ("OPEN".equals(row.status())) {
			// Time left to (or past) the target of the flag's priority.
			Duration left = Targets
				.left(Targets.target(Priority.valueOf(row.priority()), row.raisedAt(), settings, user.zone()), now);
			overdue = left.isNegative();
			target = message(overdue ? "queue.target.overdue" : "queue.target.left", locale,
					this.dates.duration(left.abs()));
		}
		else if ("ACKNOWLEDGED".equals(row.status())) {
			target = message("queue.target.acknowledged", locale, row.assignee());
		}
		else if ("RESOLVED".equals(row.status())) {
			target = message("flag.status.RESOLVED", locale);
		}
		List<String> symptoms = new ArrayList<>(row.symptoms().size());
		for (String code : row.symptoms()) {
			symptoms.add(message("symptom." + code, locale));
		}
		return new QueueRow(row.flagId(), "priority-" + row.priority().toLowerCase(Locale.ROOT),
				message("priority." + row.priority(), locale), row.serious(), row.patientName(), symptoms,
				message("rule." + row.ruleCode(), locale), row.evidence(),
				this.dates.daysBetween(row.treatedAt(), row.raisedAt()), row.injector(), target, overdue,
				this.dates.dateTime(row.raisedAt()));
	}

	private <E extends Enum<E>> List<Choice> choices(List<E> values, E chosen, String labelPrefix, Locale locale) {
		List<Choice> choices = new ArrayList<>(values.size());
		for (E value : values) {
			choices.add(new Choice(value.name(), message(labelPrefix + value.name(), locale), value == chosen));
		}
		return choices;
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	/**
	 * For the queue's small script: how many flags were raised since the page was loaded.
	 */
	@GetMapping(path = "/clinician/flags/new-count", produces = "application/json")
	@ResponseBody
	Map<String, Long> newFlagCount(@AuthenticationPrincipal CurrentUser user, @RequestParam long since) {
		return Map.of("count", this.pages.raisedSince(user.clinicId(), Instant.ofEpochMilli(since)));
	}

	/**
	 * Every rule with its current threshold and source, generated from the rule objects
	 * themselves.
	 */
	@GetMapping("/clinician/rules")
	String showRules(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("rules", this.pages.rules(user.clinicId()));
		return "triage/rules";
	}

}
