package org.aftercare.report;

import java.time.Duration;
import java.util.UUID;

/**
 * A patient asked for a new link to the check-in open now; the e-mail carries a new one.
 */
public record CheckInLinkRequested(UUID clinicId, UUID patientId, UUID checkInId, Duration offset) {

}
