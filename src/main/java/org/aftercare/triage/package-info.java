/**
 * Triage: the rule engine of CLINICAL.md section 3 (plain Java, in {@code rules}), the
 * flags it raises, the advice a patient sees at once, the clock-driven rules and each
 * clinic's thresholds.
 */
package org.aftercare.triage;
