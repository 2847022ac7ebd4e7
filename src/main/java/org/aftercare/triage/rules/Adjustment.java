package org.aftercare.triage.rules;

/**
 * A modifier rule (R11) that raised a finding, and why.
 *
 * @param by the modifier's rule code
 * @param from the priority before
 * @param to the priority after
 * @param reason the patient's or treatment's facts that triggered it, e.g. "hypertension"
 */
public record Adjustment(RuleCode by, Priority from, Priority to, String reason) {
}
