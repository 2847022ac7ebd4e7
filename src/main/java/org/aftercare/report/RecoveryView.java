package org.aftercare.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.aftercare.report.ReportView;
import org.aftercare.treatment.TreatmentSummary;

/**
 * The patient's recovery page: the latest treatment (null before the first), their
 * reports, the next check-in and the chart (null without a treatment), and what other
 * modules add to the page by name.
 */
record RecoveryView(TreatmentSummary treatment, List<ReportView> reports, Instant nextCheckIn, SeverityChart chart,
		Map<String, Object> additions) {
}
