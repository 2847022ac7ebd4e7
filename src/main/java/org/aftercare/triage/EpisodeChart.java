package org.aftercare.triage;

import java.time.Instant;
import java.util.List;

import org.aftercare.report.ReportView;

/**
 * What the severity chart of a flag is drawn from: the episode's reports and its start.
 */
record EpisodeChart(List<ReportView> reports, Instant treatedAt) {
}
