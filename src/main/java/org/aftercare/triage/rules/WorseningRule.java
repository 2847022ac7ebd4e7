package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R7: a symptom whose severity rose by a clinically meaningful step since its previous
 * scored entry in the episode gets a finding one level above what the other rules give
 * that symptom, MEDIUM at least.
 */
final class WorseningRule implements FindingModifier {

	@Override
	public RuleCode code() {
		return RuleCode.R7_WORSENING;
	}

	@Override
	public String description(RuleSettings settings) {
		return "A symptom's severity up " + settings.worseningPoints() + " points or more on its previous entry in the "
				+ "episode: one level above what the other rules give for that symptom, MEDIUM at least.";
	}

	@Override
	public List<Finding> apply(Evaluation evaluation, List<Finding> findings) {
		List<EntryFacts> worse = new ArrayList<>();
		List<String> evidence = new ArrayList<>();
		Priority priority = Priority.MEDIUM;
		for (EntryFacts entry : evaluation.report().entries()) {
			Optional<EntryFacts> previous = evaluation.history().lastScored(entry.symptom());
			if (entry.severity() == null || previous.isEmpty()) {
				continue;
			}
			int rise = entry.severity() - previous.get().severity();
			if (rise < evaluation.settings().worseningPoints()) {
				continue;
			}
			Optional<Priority> others = othersFor(entry.symptom(), findings);
			priority = priority.atLeast(others.map(Priority::raise).orElse(Priority.MEDIUM));
			worse.add(entry);
			Duration since = Duration.between(previous.get().reportedAt(), entry.reportedAt());
			evidence.add(entry.symptom().label() + " " + previous.get().severity() + "/10 -> " + entry.severity()
					+ "/10 (+" + rise + " since the entry " + Evidence.duration(since.abs()) + " earlier), "
					+ others.map(p -> "other rules give " + p).orElse("no other rule fired"));
		}
		if (worse.isEmpty()) {
			return findings;
		}
		List<Finding> result = new ArrayList<>(findings);
		result.add(Evidence.finding(code(), priority, worse, String.join("; ", evidence), evaluation));
		return result;
	}

	private static Optional<Priority> othersFor(Symptom symptom, List<Finding> findings) {
		return findings.stream()
			.filter(finding -> finding.rule().triggeredBySymptoms() && finding.involves(symptom))
			.map(Finding::priority)
			.max(Enum::compareTo);
	}

}
