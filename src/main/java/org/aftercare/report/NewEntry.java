package org.aftercare.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One symptom of a report to save; {@code updatesEntryId} names the patient's earlier
 * entry it updates, if any.
 */
public record NewEntry(Symptom symptom, String otherDescription, Integer severity, Integer interference,
		Instant startedAt, boolean ongoing, Instant stoppedAt, Boolean suddenWorstEver, Boolean feverOrStiffNeck,
		Boolean neurologicalSigns, UUID updatesEntryId) {
}
