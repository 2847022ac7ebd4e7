package org.aftercare.patient;

import java.time.Instant;

/** A patient's record as the clinic's exports see it, with when it was recorded. */
public record PatientRecord(PatientId id, Intake intake, Instant recordedAt) {
}
