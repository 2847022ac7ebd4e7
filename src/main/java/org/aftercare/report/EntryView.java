package org.aftercare.report;

import java.time.Instant;
import java.util.UUID;

/** One symptom entry of a saved report, as pages and the rules read it. */
public record EntryView(UUID id, Symptom symptom, String otherDescription, Integer severity, Integer interference,
		Instant startedAt, boolean ongoing, Instant stoppedAt, boolean preExisting, Boolean suddenWorstEver,
		Boolean feverOrStiffNeck, Boolean neurologicalSigns, UUID updatesEntryId) {
}
