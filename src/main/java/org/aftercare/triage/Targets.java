package org.aftercare.triage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleSettings;

/**
 * When a flag should have been acted on (CLINICAL.md sections 3 and 4): EMERGENCY and
 * HIGH within the clinic's acknowledgement targets, MEDIUM within one business day.
 */
final class Targets {

	private Targets() {
	}

	static Instant target(Priority priority, Instant raisedAt, RuleSettings settings, ZoneId zone) {
		return switch (priority) {
			case EMERGENCY -> raisedAt.plus(settings.emergencyAcknowledgementTarget());
			case HIGH -> raisedAt.plus(settings.highAcknowledgementTarget());
			case MEDIUM -> nextBusinessDay(raisedAt, zone);
		};
	}

	/** The same time on the next working day (Saturday and Sunday skipped). */
	static Instant nextBusinessDay(Instant at, ZoneId zone) {
		ZonedDateTime next = at.atZone(zone).plusDays(1);
		while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
			next = next.plusDays(1);
		}
		return next.toInstant();
	}

	/** Positive: time left; negative: overdue by that much. */
	static Duration left(Instant target, Instant now) {
		return Duration.between(now, target);
	}

}
