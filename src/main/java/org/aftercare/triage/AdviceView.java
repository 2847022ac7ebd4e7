package org.aftercare.triage;

import org.aftercare.clinic.ClinicSummary;
import org.aftercare.report.ReportView;
import org.aftercare.triage.rules.Advice;

/** The advice page: the report just sent, what the patient is told, whom to call. */
record AdviceView(ReportView report, Advice advice, ClinicSummary clinic) {
}
