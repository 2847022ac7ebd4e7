package org.aftercare.report;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What a check-in link leaves in the session once opened, so that the pages after it need
 * no token in their URL: the right to answer that one check-in (until the link stops
 * working) and then to see the advice of the answer it gave.
 */
record CheckInGrant(CheckInLinks.Link link, UUID accountId, String offsetLabel, String timeZone,
		UUID answerReportId) implements Serializable {

	static final String ATTRIBUTE = CheckInGrant.class.getName();

	/** The patient of a link that no longer works, for "send me a new link". */
	static final String RETRY = CheckInGrant.class.getName() + ".retry";

	CheckInGrant answered(UUID reportId) {
		return new CheckInGrant(this.link, this.accountId, this.offsetLabel, this.timeZone, reportId);
	}

	Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

	java.time.ZoneId zone() {
		return java.time.ZoneId.of(this.timeZone);
	}

	static Optional<CheckInGrant> of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof CheckInGrant grant) ? Optional.of(grant)
				: Optional.empty();
	}

	/** Whom "send me a new link" is for: a clinic and patient. */
	record Retry(UUID clinicId, UUID patientId) implements Serializable {

	}

}
