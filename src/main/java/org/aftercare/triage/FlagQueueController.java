package org.aftercare.triage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.aftercare.security.CurrentUser;

/**
 * The clinician's flag queue and the rule transparency page.
 */
@Controller
class FlagQueueController {

	private final FlagQueue queue;

	private final Triage triage;

	FlagQueueController(FlagQueue queue, Triage triage) {
		this.queue = queue;
		this.triage = triage;
	}

	@GetMapping("/clinician/flags")
	String showQueue(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("flags", this.queue.open(user.clinicId()));
		return "triage/queue";
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
