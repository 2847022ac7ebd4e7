package org.aftercare.triage.rules;

import org.aftercare.report.SymptomGroup;

/** R12: a symptom outside the list ({@code OTHER}) is looked at, as the article asks. */
final class UnusualRule extends SymptomGroupRule {

	UnusualRule() {
		super(RuleCode.R12_UNUSUAL, SymptomGroup.OTHER, Priority.MEDIUM);
	}

	@Override
	public String description(RuleSettings settings) {
		return "Any symptom reported as \"other\", with the patient's description: MEDIUM.";
	}

}
