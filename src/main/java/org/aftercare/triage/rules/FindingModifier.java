package org.aftercare.triage.rules;

import java.util.List;

/** A rule the engine applies to the other rules' findings after they ran (R7, R11). */
interface FindingModifier {

	RuleCode code();

	/**
	 * The condition and effect with the clinic's current thresholds, for the transparency
	 * page.
	 */
	String description(RuleSettings settings);

	/**
	 * The findings after this modifier: possibly added to, possibly raised; never
	 * lowered.
	 */
	List<Finding> apply(Evaluation evaluation, List<Finding> findings);

}
