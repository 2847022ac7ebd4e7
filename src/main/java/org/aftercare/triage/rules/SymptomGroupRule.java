package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

import java.util.List;
import java.util.Optional;

/**
 * A rule that fires on any symptom of one group, at a fixed priority (R1, R2, R9, R10,
 * R12).
 */
abstract class SymptomGroupRule implements Rule {

	private final RuleCode code;

	private final SymptomGroup group;

	private final Priority priority;

	SymptomGroupRule(RuleCode code, SymptomGroup group, Priority priority) {
		this.code = code;
		this.group = group;
		this.priority = priority;
	}

	@Override
	public RuleCode code() {
		return code;
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		List<EntryFacts> matching = evaluation.report()
			.entries()
			.stream()
			.filter(entry -> entry.symptom().group() == group)
			.toList();
		if (matching.isEmpty()) {
			return Optional.empty();
		}
		String evidence = Evidence.entries(matching, evaluation);
		return Optional.of(Evidence.finding(code, priority, matching, evidence, evaluation));
	}

}
