package org.aftercare.patient;

import java.time.Instant;

/**
 * A patient's record as the clinic's exports see it, with when it was recorded.
 *
 * @param language the tag of the language of the patient's login ("es"), chosen at
 * enrolment and changed by the patient's language switch; null for a record without a
 * login, whose language nobody has said
 */
public record PatientRecord(PatientId id, Intake intake, Instant recordedAt, String language) {
}
