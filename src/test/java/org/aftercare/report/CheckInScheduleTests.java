package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInScheduleTests {

	private static final Instant TREATED = Instant.parse("2026-03-02T10:00:00Z");

	@Test
	void nextCheckInIsTheFirstOfTwoHoursAndDaysOneThreeSevenFourteenStillAhead() {
		assertThat(CheckInSchedule.next(TREATED, TREATED)).contains(TREATED.plus(Duration.ofHours(2)));
		assertThat(CheckInSchedule.next(TREATED, TREATED.plus(Duration.ofHours(2))))
			.contains(TREATED.plus(Duration.ofDays(1)));
		assertThat(CheckInSchedule.next(TREATED, TREATED.plus(Duration.ofDays(2))))
			.contains(TREATED.plus(Duration.ofDays(3)));
		assertThat(CheckInSchedule.next(TREATED, TREATED.plus(Duration.ofDays(5))))
			.contains(TREATED.plus(Duration.ofDays(7)));
		assertThat(CheckInSchedule.next(TREATED, TREATED.plus(Duration.ofDays(13))))
			.contains(TREATED.plus(Duration.ofDays(14)));
	}

	@Test
	void noCheckInAfterDayFourteen() {
		assertThat(CheckInSchedule.next(TREATED, TREATED.plus(Duration.ofDays(14)))).isEmpty();
	}

}
