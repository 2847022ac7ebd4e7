package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

/** R2: any allergic symptom is an emergency. */
final class AllergicRule extends SymptomGroupRule {

	AllergicRule() {
		super(RuleCode.R2_ALLERGIC, SymptomGroup.ALLERGIC, Priority.EMERGENCY);
	}

	@Override
	public String description(RuleSettings settings) {
		return "Hives or itchy welts, wheezing, swelling of face, lips or tongue, or feeling faint: EMERGENCY.";
	}

}
