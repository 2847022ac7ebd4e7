package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.util.List;
import java.util.Optional;

/**
 * R5: a moderate headache still going on needs review within a business day. The same
 * headache already over within the mild-transient window is the expected course:
 * recorded, not flagged.
 */
final class ModerateHeadacheRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R5_MODERATE_HEADACHE;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Headache with severity " + settings.moderateHeadacheMin() + "-" + settings.moderateHeadacheMax()
				+ "/10 or interference " + interferenceRange(settings) + "/4, still going on when reported (or "
				+ "having lasted more than " + Evidence.days(settings.mildTransientWindow()) + "): MEDIUM. "
				+ "The same already over within " + Evidence.days(settings.mildTransientWindow())
				+ " is recorded, not flagged.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		RuleSettings settings = evaluation.settings();
		List<EntryFacts> moderate = evaluation.report()
			.entries()
			.stream()
			.filter(entry -> entry.symptom() == Symptom.HEADACHE)
			.filter(entry -> isModerate(entry, settings))
			.filter(entry -> entry.ongoing()
					|| entry.duration(evaluation.now()).compareTo(settings.mildTransientWindow()) > 0)
			.toList();
		if (moderate.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Evidence.finding(code(), Priority.MEDIUM, moderate, Evidence.entries(moderate, evaluation),
				evaluation));
	}

	private static boolean isModerate(EntryFacts entry, RuleSettings settings) {
		Integer severity = entry.severity();
		Integer interference = entry.interference();
		boolean moderateSeverity = severity != null && severity >= settings.moderateHeadacheMin()
				&& severity <= settings.moderateHeadacheMax();
		boolean moderateInterference = interference != null && interference >= settings.moderateInterference()
				&& interference < settings.severeInterference();
		return moderateSeverity || moderateInterference;
	}

	private static String interferenceRange(RuleSettings settings) {
		int highest = settings.severeInterference() - 1;
		return highest == settings.moderateInterference() ? String.valueOf(highest)
				: settings.moderateInterference() + "-" + highest;
	}

}
