package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

/**
 * R1: any distant-spread symptom of the boxed warning, at any time after treatment, is an
 * emergency.
 */
final class DistantSpreadRule extends SymptomGroupRule {

	DistantSpreadRule() {
		super(RuleCode.R1_DISTANT_SPREAD, SymptomGroup.DISTANT_SPREAD, Priority.EMERGENCY);
	}

	@Override
	public String description(RuleSettings settings) {
		return "Trouble swallowing, breathing or speaking, generalised weakness, double or blurred vision, or loss of "
				+ "bladder control, at any time after treatment: EMERGENCY.";
	}

}
