package org.aftercare.triage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.clinic.ClinicService;
import org.aftercare.patient.PatientId;
import org.aftercare.report.ReportId;
import org.aftercare.report.ReportService;
import org.aftercare.security.ClinicId;
import org.aftercare.triage.rules.Advice;
import org.aftercare.triage.rules.RuleCode;

/**
 * What the patient is told the moment they submit (CLINICAL.md section 4). It depends
 * only on the flags that the report's evaluation stored and on the clinic's phone
 * numbers, never on whether the clinic's alert was sent.
 */
@Service
class AdvicePages {

	private final ReportService reports;

	private final FlagEvidenceRepository evidence;

	private final ClinicService clinics;

	AdvicePages(ReportService reports, FlagEvidenceRepository evidence, ClinicService clinics) {
		this.reports = reports;
		this.evidence = evidence;
		this.clinics = clinics;
	}

	/** The advice of one of the patient's own reports; another's is empty. */
	@Transactional(readOnly = true)
	Optional<AdviceView> forReport(ClinicId clinicId, UUID patientId, UUID reportId) {
		return this.reports.findForPatient(clinicId, new PatientId(patientId), new ReportId(reportId))
			.map((report) -> new AdviceView(report,
					adviceFor(this.evidence.findByClinicIdAndReportId(clinicId.value(), reportId)),
					this.clinics.get(clinicId)));
	}

	static Advice adviceFor(List<FlagEvidence> evidence) {
		Advice.Level level = evidence.stream()
			.map(FlagEvidence::priority)
			.max(Enum::compareTo)
			.map(Advice.Level::of)
			.orElse(Advice.Level.ROUTINE);
		boolean otherCause = evidence.stream()
			.anyMatch((e) -> e.ruleCode() == RuleCode.R3_HEADACHE_RED_FLAG || e.mayHaveOtherCause());
		return new Advice(level, otherCause);
	}

}
