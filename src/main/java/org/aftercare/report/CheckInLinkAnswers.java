package org.aftercare.report;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer a check-in link's holder gave in this session, for the advice page that
 * follows it: the only report a link shows.
 */
public final class CheckInLinkAnswers {

	private CheckInLinkAnswers() {
	}

	/** The report answered through a link in this session, and whose it is. */
	public record Answer(UUID clinicId, UUID patientId, UUID reportId) {
	}

	public static Optional<Answer> of(HttpServletRequest request) {
		return CheckInGrant.of(request)
			.filter((grant) -> grant.answerReportId() != null)
			.map((grant) -> new Answer(grant.link().clinicId(), grant.link().patientId(), grant.answerReportId()));
	}

}
