package org.aftercare.triage;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aftercare.report.Symptom;

/**
 * A flag as the clinic's exports see it (the FHIR API's AdverseEvent, a regulator's
 * report): what was flagged, for whom and after which treatment, and what the clinician
 * recorded on closing it (CLINICAL.md section 7; empty while it is open).
 * {@code lastUpdated} is its last raise or review action, whichever is later.
 */
public record FlagRecord(UUID id, UUID patientId, UUID treatmentId, String ruleCode, String priority, FlagStatus status,
		boolean serious, List<Symptom> symptoms, String evidence, UUID lastReportId, Instant raisedAt,
		Instant resolvedAt, UUID resolvedBy, Outcome outcome, Causality causality, Seriousness seriousness,
		Set<Seriousness.Criterion> criteria, Instant lastUpdated) {
}
