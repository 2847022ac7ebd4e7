package org.aftercare.triage.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * The treatment that opened the episode.
 *
 * @param includesNose whether the nose was treated ("bunny lines"), an R11 headache risk
 * factor
 */
public record TreatmentFacts(Instant treatedAt, boolean includesNose, String productName) {

	public TreatmentFacts {
		Objects.requireNonNull(treatedAt, "treatedAt");
	}
}
