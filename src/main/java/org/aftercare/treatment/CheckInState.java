package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One check-in, for its link: whose it is, when it fell due and whether answered. */
public record CheckInState(UUID id, UUID clinicId, UUID patientId, UUID treatmentId, Instant dueAt, String offsetLabel,
		Instant answeredAt) {

	/** How long after the treatment it falls due. */
	public Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

}
