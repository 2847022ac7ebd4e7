package org.aftercare.report;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * The answer a check-in link's holder gave in this session, for the advice page that
 * follows it: the only report a link shows.
 */
public final class CheckInLinkAnswers {

	private CheckInLinkAnswers() {
	}

	/** The report answered through a link in this session, and whose it is. */
	public record Answer(ClinicId clinicId, PatientId patientId, ReportId reportId) {
	}

	public static Optional<Answer> of(HttpServletRequest request) {
		return CheckInGrant.of(request)
			.filter((grant) -> grant.answerReportId() != null)
			.map((grant) -> new Answer(new ClinicId(grant.link().clinicId()), new PatientId(grant.link().patientId()),
					new ReportId(grant.answerReportId())));
	}

}
