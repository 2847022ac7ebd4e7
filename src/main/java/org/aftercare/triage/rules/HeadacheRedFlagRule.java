package org.aftercare.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * R3: a headache with any SNOOP red-flag answer is an emergency, and the patient is told
 * it may have a cause other than the treatment.
 */
final class HeadacheRedFlagRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R3_HEADACHE_RED_FLAG;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Headache with any red-flag answer \"yes\" (sudden and worst-ever; fever or stiff neck; new weakness, "
				+ "numbness, confusion or loss of vision): EMERGENCY; the advice adds that it may have a cause "
				+ "other than the treatment.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		List<EntryFacts> flagged = evaluation.report().entries().stream().filter(EntryFacts::anyRedFlag).toList();
		if (flagged.isEmpty()) {
			return Optional.empty();
		}
		String evidence = flagged.stream()
			.map(entry -> Evidence.entry(entry, evaluation) + ", red flags: " + String.join(", ", redFlags(entry)))
			.collect(Collectors.joining("; ")) + "; may have a cause other than the treatment";
		return Optional
			.of(Evidence.finding(code(), Priority.EMERGENCY, flagged, evidence, evaluation).withOtherCauseNote());
	}

	private static List<String> redFlags(EntryFacts entry) {
		List<String> flags = new ArrayList<>();
		if (entry.suddenWorstEver()) {
			flags.add("sudden and worst-ever");
		}
		if (entry.feverOrStiffNeck()) {
			flags.add("fever or stiff neck");
		}
		if (entry.neurologicalSigns()) {
			flags.add("new neurological signs");
		}
		return flags;
	}

}
