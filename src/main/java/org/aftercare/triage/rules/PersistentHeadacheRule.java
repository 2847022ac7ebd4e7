package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R6: a headache lasting beyond the expected few days (ongoing: until now; stopped: until
 * it stopped), measured from its onset.
 */
final class PersistentHeadacheRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R6_PERSISTENT_HEADACHE;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Headache lasting more than " + Evidence.days(settings.persistentHeadacheMedium())
				+ " from its onset: MEDIUM; more than " + Evidence.days(settings.persistentHeadacheHigh()) + ": HIGH.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		RuleSettings settings = evaluation.settings();
		List<EntryFacts> persistent = new ArrayList<>();
		Priority priority = Priority.MEDIUM;
		for (EntryFacts entry : evaluation.report().entries()) {
			if (entry.symptom() != Symptom.HEADACHE) {
				continue;
			}
			Optional<Priority> entryPriority = priorityOf(entry.duration(evaluation.now()), settings);
			if (entryPriority.isPresent()) {
				persistent.add(entry);
				priority = priority.atLeast(entryPriority.get());
			}
		}
		if (persistent.isEmpty()) {
			return Optional.empty();
		}
		Duration threshold = priority == Priority.HIGH ? settings.persistentHeadacheHigh()
				: settings.persistentHeadacheMedium();
		String evidence = Evidence.entries(persistent, evaluation) + " (longer than " + Evidence.days(threshold) + ")";
		return Optional.of(Evidence.finding(code(), priority, persistent, evidence, evaluation));
	}

	private static Optional<Priority> priorityOf(Duration lasted, RuleSettings settings) {
		if (lasted.compareTo(settings.persistentHeadacheHigh()) > 0) {
			return Optional.of(Priority.HIGH);
		}
		if (lasted.compareTo(settings.persistentHeadacheMedium()) > 0) {
			return Optional.of(Priority.MEDIUM);
		}
		return Optional.empty();
	}

}
