package org.aftercare.report;

/** The symptom groups of CLINICAL.md section 2. */
public enum SymptomGroup {

	COMMON_LOCAL, MUSCLE_EFFECT, DISTANT_SPREAD, ALLERGIC, INFECTION, OTHER

}
