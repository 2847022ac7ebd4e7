package org.aftercare.dashboard;

import org.aftercare.patient.PatientService.PatientSummary;
import org.aftercare.report.ReportService.ReportView;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;

/**
 * A clinician's page of one report: the report, whose it is, the treatment it follows.
 */
record ClinicianReportView(ReportView report, PatientSummary patient, TreatmentSummary treatment) {
}
