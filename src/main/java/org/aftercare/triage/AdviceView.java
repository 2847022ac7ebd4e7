package org.aftercare.triage;

import org.aftercare.clinic.ClinicService.ClinicSummary;
import org.aftercare.report.ReportService.ReportView;
import org.aftercare.triage.rules.Advice;

/** The advice page: the report just sent, what the patient is told, whom to call. */
record AdviceView(ReportView report, Advice advice, ClinicSummary clinic) {
}
