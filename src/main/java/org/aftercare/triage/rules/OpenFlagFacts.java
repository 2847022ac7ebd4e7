package org.aftercare.triage.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * An open flag as R13 sees it.
 *
 * @param priority its current priority
 * @param raisedAt when it was raised (or last raised in priority)
 * @param acknowledgedAt when the clinic acknowledged it; {@code null} while not
 * acknowledged
 * @param followUpRequestedAt when the clinic asked the patient for an update;
 * {@code null} if never
 * @param lastPatientUpdateAt the patient's latest update in the episode; {@code null} if
 * none
 * @param lastEscalatedAt when R13 last escalated it; {@code null} if never. The waits
 * restart from here, so an escalation re-alerts once per target time rather than on every
 * run of the job.
 */
public record OpenFlagFacts(Priority priority, Instant raisedAt, Instant acknowledgedAt, Instant followUpRequestedAt,
		Instant lastPatientUpdateAt, Instant lastEscalatedAt) {

	public OpenFlagFacts {
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(raisedAt, "raisedAt");
	}

	/** A flag never escalated by R13. */
	public OpenFlagFacts(Priority priority, Instant raisedAt, Instant acknowledgedAt, Instant followUpRequestedAt,
			Instant lastPatientUpdateAt) {
		this(priority, raisedAt, acknowledgedAt, followUpRequestedAt, lastPatientUpdateAt, null);
	}
}
