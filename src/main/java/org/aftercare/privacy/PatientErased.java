package org.aftercare.privacy;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * An admin approved the erasure of a patient: modules that keep text about the patient
 * (clinicians' notes on flags) erase it, in the transaction of the approval.
 */
public record PatientErased(ClinicId clinicId, PatientId patientId) {
}
