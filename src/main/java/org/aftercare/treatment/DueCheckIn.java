package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A check-in whose reminder is due, for the reminder job. */
public record DueCheckIn(UUID id, UUID clinicId, UUID patientId, UUID treatmentId, Instant dueAt, String offsetLabel) {

	/** How long after the treatment it falls due. */
	public Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

}
