package org.aftercare.triage;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.Priority;

/**
 * A flag was raised, or an open flag's priority went up: the clinic must hear of it once.
 * Listeners run after commit through the durable event publication registry.
 */
public record FlagRaised(FlagId flagId, ClinicId clinicId, PatientId patientId, String ruleCode, Priority priority,
		boolean raisedAgain) {
}
