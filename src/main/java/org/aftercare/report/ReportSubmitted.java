package org.aftercare.report;

import java.util.UUID;

/**
 * A patient's report was saved. Published inside the saving transaction, so that triage
 * evaluates it before the transaction commits: a report is never stored without its
 * evaluation.
 */
public record ReportSubmitted(UUID reportId, UUID clinicId, UUID patientId, UUID treatmentId) {
}
