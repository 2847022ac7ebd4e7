package org.aftercare.privacy;

import java.util.UUID;

/**
 * An admin approved the erasure of a patient: modules that keep text about the patient
 * (clinicians' notes on flags) erase it, in the transaction of the approval.
 */
public record PatientErased(UUID clinicId, UUID patientId) {
}
