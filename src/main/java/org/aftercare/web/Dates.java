package org.aftercare.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.aftercare.security.CurrentUser;
import org.aftercare.security.CurrentUsers;

/**
 * Formats instants in the signed-in user's clinic time zone (or the zone a page of a link
 * names, {@link #showIn}) and in the page's language; templates call it as
 * {@code @dates}. The patterns are each language's {@code format.dateTime} and
 * {@code format.date} messages.
 */
@Component("dates")
public class Dates {

	private static final String ZONE = Dates.class.getName() + ".zone";

	private record Formats(DateTimeFormatter dateTime, DateTimeFormatter date) {
	}

	/** Staff pages and English patients: no lookup. */
	private static final Formats ENGLISH = new Formats(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH),
			DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));

	private final MessageSource messages;

	/** By language: a handful. */
	private final Map<Locale, Formats> formats = new ConcurrentHashMap<>();

	@Autowired
	Dates(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Without the messages: every language's dates in the English patterns (with its own
	 * month names), as tests that only need the English ones make it.
	 */
	public Dates() {
		this.messages = null;
	}

	public String dateTime(Instant instant) {
		return instant == null ? ""
				: formats(LocaleContextHolder.getLocale()).dateTime().format(instant.atZone(zone()));
	}

	public String date(Instant instant) {
		return instant == null ? "" : formats(LocaleContextHolder.getLocale()).date().format(instant.atZone(zone()));
	}

	/** For what is not a page: an e-mail, in its reader's language and clinic's zone. */
	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return instant == null ? "" : formats(locale).dateTime().format(instant.atZone(zone));
	}

	private Formats formats(Locale locale) {
		if (locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
			return ENGLISH;
		}
		return this.formats.computeIfAbsent(locale,
				(l) -> new Formats(DateTimeFormatter.ofPattern(pattern("format.dateTime", l), l),
						DateTimeFormatter.ofPattern(pattern("format.date", l), l)));
	}

	private String pattern(String key, Locale locale) {
		if (this.messages == null) {
			return key.equals("format.date") ? "d MMM yyyy" : "d MMM yyyy, HH:mm";
		}
		return this.messages.getMessage(key, null, locale);
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

	/**
	 * The signed-in user's clinic's zone; on a page nobody is signed in to, the zone it
	 * was given ({@link #showIn}); else UTC.
	 */
	public static ZoneId zone() {
		Optional<CurrentUser> user = CurrentUsers.current();
		if (user.isPresent()) {
			return user.get().zone();
		}
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& request.getRequest().getAttribute(ZONE) instanceof ZoneId zone) ? zone : ZoneOffset.UTC;
	}

	/**
	 * A page shown before signing in (a check-in link's) gives its clinic's zone, so that
	 * its times read as the patient's clock does.
	 */
	public static void showIn(HttpServletRequest request, ZoneId zone) {
		request.setAttribute(ZONE, zone);
	}

	public static Instant toInstant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	public static LocalDateTime toLocal(Instant instant, ZoneId zone) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
	}

}
