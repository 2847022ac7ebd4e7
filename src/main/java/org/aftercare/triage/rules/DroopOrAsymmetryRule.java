package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

/** R9: eyelid or brow droop, or asymmetry, needs assessment. */
final class DroopOrAsymmetryRule extends SymptomGroupRule {

	DroopOrAsymmetryRule() {
		super(RuleCode.R9_DROOP_OR_ASYMMETRY, SymptomGroup.MUSCLE_EFFECT, Priority.MEDIUM);
	}

	@Override
	public String description(RuleSettings settings) {
		return "Eyelid droop, brow droop or asymmetry (uneven brows or smile): MEDIUM.";
	}

}
