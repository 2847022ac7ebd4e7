package org.aftercare.triage;

import java.time.Instant;

import org.aftercare.treatment.TreatmentId;

/**
 * One of a patient's flags as the patient may see it in their own data: which rule, how
 * urgent, what became of it.
 *
 * @param id the flag
 * @param treatmentId its episode
 * @param ruleCode the rule's code ({@code R4_SEVERE})
 * @param priority its priority
 * @param status open, acknowledged or resolved
 * @param raisedAt when it was raised
 * @param resolvedAt when it was resolved, or {@code null}
 * @param outcome the outcome recorded on resolving it, or {@code null}
 */
public record FlagOfPatient(FlagId id, TreatmentId treatmentId, String ruleCode, String priority, String status,
		Instant raisedAt, Instant resolvedAt, String outcome) {
}
