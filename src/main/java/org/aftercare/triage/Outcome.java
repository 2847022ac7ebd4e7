package org.aftercare.triage;

/** CLINICAL.md section 7; maps to FHIR AdverseEvent.outcome. */
public enum Outcome {

	RESOLVED, RESOLVING, ONGOING, RESOLVED_WITH_SEQUELAE, UNKNOWN

}
