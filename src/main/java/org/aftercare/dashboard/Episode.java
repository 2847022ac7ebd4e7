package org.aftercare.dashboard;

import java.util.List;

import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportView;

/**
 * One treatment on a patient's page, with the reports, flags and photos of its episode.
 */
record Episode(PatientTimeline.TreatmentRow treatment, List<ReportView> reports, List<PatientTimeline.FlagRow> flags,
		List<ReportPhoto> photos) {
}
