package org.aftercare.report;

/**
 * The groups of CLINICAL.md section 2, in the order a patient sees them.
 */
public enum SymptomGroup {

	COMMON_LOCAL, MUSCLE_EFFECT, DISTANT_SPREAD, ALLERGIC, INFECTION, OTHER

}
