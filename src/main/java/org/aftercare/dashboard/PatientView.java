package org.aftercare.dashboard;

import java.util.List;

import org.aftercare.patient.PatientSummary;

/**
 * A patient's page: who they are, whether they used their invitation, their episodes (the
 * latest treatments, each with its reports and flags), the latest flags, whether there
 * are more of either than shown, and how many reports they sent.
 */
record PatientView(PatientSummary patient, boolean activated, int age, List<Episode> episodes,
		List<PatientTimeline.FlagRow> flags, boolean moreTreatments, boolean moreFlags, int reportCount) {
}
