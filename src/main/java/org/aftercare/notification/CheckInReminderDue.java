package org.aftercare.notification;

import java.time.Duration;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInId;

/**
 * A scheduled check-in fell due and its reminder must be e-mailed once.
 */
public record CheckInReminderDue(CheckInId checkInId, ClinicId clinicId, PatientId patientId, Duration offset) {
}
