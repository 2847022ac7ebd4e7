package org.aftercare.dashboard;

import java.util.List;

import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportView;
import org.aftercare.treatment.TreatmentSummary;

/**
 * A clinician's page of one report: the report, whose it is, the treatment it follows,
 * the photos sent with it.
 */
record ClinicianReportView(ReportView report, PatientSummary patient, TreatmentSummary treatment,
		List<ReportPhoto> photos) {
}
