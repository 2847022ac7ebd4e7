package org.aftercare.dashboard;

import java.util.List;

import org.aftercare.patient.PatientService.PatientSummary;
import org.aftercare.report.ReportPhotos.Photo;
import org.aftercare.report.ReportService.ReportView;
import org.aftercare.treatment.TreatmentService.TreatmentSummary;

/**
 * A clinician's page of one report: the report, whose it is, the treatment it follows,
 * the photos sent with it.
 */
record ClinicianReportView(ReportView report, PatientSummary patient, TreatmentSummary treatment, List<Photo> photos) {
}
