package org.aftercare.triage;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.Priority;

/**
 * R13: nobody acknowledged a flag within its target time, or the patient did not answer a
 * follow-up; the flag went up a level (or stayed at EMERGENCY) and the clinic must be
 * alerted again.
 */
public record FlagEscalated(FlagId flagId, ClinicId clinicId, PatientId patientId, Priority from, Priority to,
		String reason) {
}
