package org.aftercare.triage;

/** WHO-UMC causality categories (CLINICAL.md section 7). */
public enum Causality {

	CERTAIN, PROBABLE, POSSIBLE, UNLIKELY, CONDITIONAL, UNASSESSABLE

}
