package org.aftercare.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.aftercare.security.CurrentUsers;

/**
 * Formats instants in the signed-in user's clinic time zone; templates call it as
 * {@code @dates}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(zone()));
	}

	/** Whole days since {@code from}; day 0 is the day of the treatment itself. */
	public long daysBetween(Instant from, Instant to) {
		return ChronoUnit.DAYS.between(from.atZone(zone()).toLocalDate(), to.atZone(zone()).toLocalDate());
	}

	/**
	 * A duration in words a busy nurse reads at a glance: "2 d 3 h", "3 h 5 min", "12
	 * min".
	 */
	public String duration(java.time.Duration duration) {
		long minutes = Math.abs(duration.toMinutes());
		long days = minutes / (60 * 24);
		long hours = (minutes / 60) % 24;
		long rest = minutes % 60;
		if (days > 0) {
			return days + " d " + hours + " h";
		}
		if (hours > 0) {
			return hours + " h " + rest + " min";
		}
		return rest + " min";
	}

	public static ZoneId zone() {
		return CurrentUsers.current().map((user) -> user.zone()).orElse(ZoneId.of("UTC"));
	}

	public static Instant toInstant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	public static LocalDateTime toLocal(Instant instant, ZoneId zone) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
	}

}
