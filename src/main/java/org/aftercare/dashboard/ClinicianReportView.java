package org.aftercare.dashboard;

import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportView;
import org.aftercare.treatment.TreatmentSummary;

/**
 * A clinician's page of one report: the report, whose it is, the treatment it follows.
 */
record ClinicianReportView(ReportView report, PatientSummary patient, TreatmentSummary treatment) {
}
