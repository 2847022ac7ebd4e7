package org.aftercare.triage;

import java.util.UUID;

import org.aftercare.triage.rules.Priority;

/**
 * A flag was raised, or an open flag's priority went up: the clinic must hear of it once.
 * Listeners run after commit through the durable event publication registry.
 */
public record FlagRaised(UUID flagId, UUID clinicId, UUID patientId, String ruleCode, Priority priority,
		boolean raisedAgain) {
}
