package org.aftercare.treatment;

import java.time.Instant;

/** A treatment as the clinic's exports see it, with when it was recorded. */
public record TreatmentRecord(TreatmentSummary summary, Instant recordedAt) {
}
