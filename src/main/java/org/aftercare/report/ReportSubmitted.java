package org.aftercare.report;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;

/**
 * A patient's report was saved. Published inside the saving transaction, so that triage
 * evaluates it before the transaction commits: a report is never stored without its
 * evaluation.
 */
public record ReportSubmitted(ReportId reportId, ClinicId clinicId, PatientId patientId, TreatmentId treatmentId) {
}
