package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * R8: most post-injection headaches start within a day, so one starting late needs a look
 * at attribution; the patient's other possible causes are shown beside it.
 */
final class LateOnsetHeadacheRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R8_LATE_ONSET_HEADACHE;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Headache starting more than " + Evidence.hours(settings.lateOnset())
				+ " after treatment: MEDIUM, with the patient's other possible causes shown.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		Duration lateOnset = evaluation.settings().lateOnset();
		List<EntryFacts> late = evaluation.report()
			.entries()
			.stream()
			.filter(entry -> entry.symptom() == Symptom.HEADACHE)
			.filter(entry -> Duration.between(evaluation.treatment().treatedAt(), entry.startedAt())
				.compareTo(lateOnset) > 0)
			.toList();
		if (late.isEmpty()) {
			return Optional.empty();
		}
		String evidence = Evidence.entries(late, evaluation) + " (later than " + Evidence.hours(lateOnset) + ")";
		return Optional.of(Evidence.finding(code(), Priority.MEDIUM, late, evidence, evaluation));
	}

}
