package org.aftercare.triage.rules;

import java.util.List;
import java.util.Optional;

/**
 * R4: any symptom severe on the 0-10 scale or in its interference with usual activities.
 */
final class SevereRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R4_SEVERE;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Any symptom with severity " + settings.severeSeverity() + "/10 or more, or interference "
				+ settings.severeInterference() + "/4 or more: HIGH.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		RuleSettings settings = evaluation.settings();
		List<EntryFacts> severe = evaluation.report()
			.entries()
			.stream()
			.filter(entry -> isAtLeast(entry.severity(), settings.severeSeverity())
					|| isAtLeast(entry.interference(), settings.severeInterference()))
			.toList();
		if (severe.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(Evidence.finding(code(), Priority.HIGH, severe, Evidence.entries(severe, evaluation), evaluation));
	}

	private static boolean isAtLeast(Integer score, int threshold) {
		return score != null && score >= threshold;
	}

}
