package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The default check-ins after a treatment (CLINICAL.md section 5): 2 hours, then days 1,
 * 3, 7 and 14.
 */
final class CheckInSchedule {

	static final List<Duration> DEFAULT = List.of(Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(3),
			Duration.ofDays(7), Duration.ofDays(14));

	private CheckInSchedule() {
	}

	/** The first check-in still ahead of {@code now}; empty once day 14 has passed. */
	static Optional<Instant> next(Instant treatedAt, Instant now) {
		return DEFAULT.stream().map(treatedAt::plus).filter(now::isBefore).findFirst();
	}

}
