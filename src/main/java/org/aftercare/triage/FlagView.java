package org.aftercare.triage;

import java.util.List;

import org.aftercare.patient.PatientSummary;
import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportView;
import org.aftercare.treatment.TreatmentSummary;

/**
 * The flag page: the flag, whose it is and the treatment it follows, the episode's other
 * flags, its evidence and history, the episode's reports and the photos sent with them.
 */
record FlagView(FlagPage.FlagRow flag, PatientSummary patient, int age, TreatmentSummary treatment, String injector,
		List<FlagPage.FlagRow> episodeFlags, List<FlagPage.EvidenceRow> evidence, List<FlagPage.ActionRow> actions,
		List<ReportView> reports, List<ReportPhoto> photos) {
}
