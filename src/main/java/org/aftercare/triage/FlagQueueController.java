package org.aftercare.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.aftercare.account.AccountService;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.Product;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleSettings;

/**
 * The clinician's flag queue (their landing page) and the rule transparency page.
 */
@Controller
class FlagQueueController {

	private final FlagQueue queue;

	private final Triage triage;

	private final AccountService accounts;

	private final Clock clock;

	FlagQueueController(FlagQueue queue, Triage triage, AccountService accounts, Clock clock) {
		this.queue = queue;
		this.triage = triage;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The most urgent first, as a nurse reads the counts. */
	static final java.util.List<Priority> URGENT_FIRST = java.util.List.of(Priority.EMERGENCY, Priority.HIGH,
			Priority.MEDIUM);

	/** Time left to (or past) each open flag's target, in the row order. */
	record Due(boolean overdue, Duration by) {
	}

	@GetMapping("/clinician/flags")
	@Transactional(readOnly = true)
	String showQueue(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") QueueFilter filter,
			BindingResult result, Model model, HttpServletResponse response) {
		Instant now = this.clock.instant();
		model.addAttribute("counts", this.queue.openCounts(user.clinicId()));
		model.addAttribute("loadedAt", now.toEpochMilli());
		model.addAttribute("priorities", URGENT_FIRST);
		model.addAttribute("views", QueueFilter.View.values());
		model.addAttribute("symptoms", Symptom.values());
		model.addAttribute("products", Product.values());
		model.addAttribute("assignments", QueueFilter.Assigned.values());
		model.addAttribute("injectors", this.accounts.clinicians(user.clinicId()));
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			result.rejectValue("to", "queue.filter.toBeforeFrom");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new FlagQueue.Page(java.util.List.of(), null));
			model.addAttribute("due", Map.of());
			return "triage/queue";
		}
		FlagQueue.Page page = this.queue.page(user.clinicId(), user.accountId(), filter, user.zone());
		RuleSettings settings = this.triage.settingsFor(user.clinicId());
		Map<UUID, Due> due = new LinkedHashMap<>();
		for (FlagQueue.Row row : page.rows()) {
			if ("OPEN".equals(row.status())) {
				Duration left = Targets
					.left(Targets.target(Priority.valueOf(row.priority()), row.raisedAt(), settings, user.zone()), now);
				due.put(row.flagId(), new Due(left.isNegative(), left.abs()));
			}
		}
		model.addAttribute("page", page);
		model.addAttribute("due", due);
		return "triage/queue";
	}

	/**
	 * For the queue's small script: how many flags were raised since the page was loaded.
	 */
	@GetMapping(path = "/clinician/flags/new-count", produces = "application/json")
	@ResponseBody
	Map<String, Long> newFlagCount(@AuthenticationPrincipal CurrentUser user, @RequestParam long since) {
		return Map.of("count", this.queue.raisedSince(user.clinicId(), Instant.ofEpochMilli(since)));
	}

	/**
	 * Every rule with its current threshold and source, generated from the rule objects
	 * themselves.
	 */
	@GetMapping("/clinician/rules")
	String showRules(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("rules", this.triage.engine().describe(this.triage.settingsFor(user.clinicId())));
		return "triage/rules";
	}

}
