package org.aftercare.notification;

import java.time.Duration;
import java.util.UUID;

/**
 * A scheduled check-in fell due and its reminder must be e-mailed once.
 */
public record CheckInReminderDue(UUID checkInId, UUID clinicId, UUID patientId, Duration offset) {
}
