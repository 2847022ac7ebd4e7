package org.aftercare.triage.rules;

import java.util.Optional;

/**
 * A rule the engine runs on every new report. A rule fires at most once per report, its
 * finding listing every symptom that met it (one open flag per patient, episode and
 * rule).
 */
public interface Rule {

	RuleCode code();

	/**
	 * The condition and priority with the clinic's current thresholds, for the
	 * transparency page.
	 */
	String description(RuleSettings settings);

	/** The rule's own finding, before the engine applies R7 and R11. */
	Optional<Finding> evaluate(Evaluation evaluation);

}
