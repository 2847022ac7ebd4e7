package org.aftercare.triage;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.aftercare.account.AccountId;
import org.aftercare.patient.PatientId;
import org.aftercare.report.ReportId;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.TreatmentId;

/**
 * A flag as the clinic's exports see it (the FHIR API's AdverseEvent, a regulator's
 * report): what was flagged, for whom and after which treatment, and what the clinician
 * recorded on closing it (CLINICAL.md section 7; empty while it is open).
 * {@code lastUpdated} is its last raise or review action, whichever is later.
 */
public record FlagRecord(FlagId id, PatientId patientId, TreatmentId treatmentId, String ruleCode, String priority,
		FlagStatus status, boolean serious, List<Symptom> symptoms, String evidence, ReportId lastReportId,
		Instant raisedAt, Instant resolvedAt, AccountId resolvedBy, Outcome outcome, Causality causality,
		Seriousness seriousness, Set<Seriousness.Criterion> criteria, Instant lastUpdated) {
}
