package org.aftercare.triage.rules;

/**
 * One line of the transparency page.
 *
 * @param code the rule code
 * @param title its short title
 * @param priorityLogic its condition and priority with the clinic's current thresholds
 * @param rationale why it exists (CLINICAL.md section 3)
 * @param source where the fact comes from (CLINICAL.md section 1)
 */
public record RuleDescription(RuleCode code, String title, String priorityLogic, String rationale, String source) {

	static RuleDescription of(RuleCode code, String priorityLogic) {
		return new RuleDescription(code, code.title(), priorityLogic, code.rationale(), code.source());
	}
}
