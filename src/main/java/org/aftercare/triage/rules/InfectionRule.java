package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

/** R10: signs of infection need same-day review. */
final class InfectionRule extends SymptomGroupRule {

	InfectionRule() {
		super(RuleCode.R10_INFECTION, SymptomGroup.INFECTION, Priority.HIGH);
	}

	@Override
	public String description(RuleSettings settings) {
		return "Signs of infection (spreading redness and warmth, pus, fever): HIGH.";
	}

}
