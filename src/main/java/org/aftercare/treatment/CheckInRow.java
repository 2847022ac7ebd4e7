package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One check-in of a treatment as the clinician sees it. */
public record CheckInRow(CheckInId id, Instant dueAt, String offsetLabel, Instant remindedAt, Instant answeredAt,
		UUID answerReportId) {

	public Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

	/** Due and still without an answer: the clinician may want to call. */
	public boolean unanswered(Instant now) {
		return this.answeredAt == null && !this.dueAt.isAfter(now);
	}

}
