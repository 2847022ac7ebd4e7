package org.aftercare.interop;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aftercare.paging.KeysetPage;

/**
 * The parameters of a FHIR search as the API understands them: {@code _lastUpdated}
 * (repeatable, with the prefixes eq, gt, ge, lt, le; a value without a time zone is UTC),
 * {@code patient} (or {@code subject}) where the resource has one, {@code _count}
 * (default 50, at most 200) and {@code _cursor}, the opaque position that the
 * {@code next} link of the page before carries. Anything else is refused, so that a
 * client never takes an unfiltered answer for a filtered one.
 */
record FhirSearch(Instant from, Instant to, UUID patient, int count, Instant afterAt, UUID afterId) {

	static final int DEFAULT_COUNT = 50;

	static final int MAX_COUNT = 200;

	/** Parameters that change how the answer is written, not what it holds. */
	private static final Set<String> FORMAT = Set.of("_format", "_pretty");

	private static final Pattern DATE = Pattern.compile(
			"(eq|gt|ge|lt|le)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?)?)?");

	static FhirSearch parse(Map<String, List<String>> parameters, boolean hasPatient) {
		Instant from = null;
		Instant to = null;
		UUID patient = null;
		int count = DEFAULT_COUNT;
		Instant afterAt = null;
		UUID afterId = null;
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			List<String> values = parameter.getValue();
			if (FORMAT.contains(name)) {
				continue;
			}
			if (name.equals("_lastUpdated")) {
				for (String value : values) {
					Range range = range(value);
					from = (from == null || (range.from() != null && range.from().isAfter(from))) ? range.from() : from;
					to = (to == null || (range.to() != null && range.to().isBefore(to))) ? range.to() : to;
				}
			}
			else if (hasPatient && (name.equals("patient") || name.equals("subject"))) {
				for (String value : values) {
					UUID id = patient(value);
					if (patient != null && !patient.equals(id)) {
						throw FhirException.badRequest("Only one patient can be searched for at a time");
					}
					patient = id;
				}
			}
			else if (name.equals("_count")) {
				count = count(single(name, values));
			}
			else if (name.equals("_cursor")) {
				String[] position = cursor(single(name, values));
				afterAt = Instant.parse(position[0]);
				afterId = UUID.fromString(position[1]);
			}
			else {
				throw FhirException.badRequest("Unknown search parameter: " + name);
			}
		}
		return new FhirSearch(from, to, patient, count, afterAt, afterId);
	}

	/**
	 * The page to read: one more row than asked, to know whether another page follows.
	 */
	KeysetPage page() {
		return new KeysetPage(this.from, this.to, this.afterAt, this.afterId, this.count + 1);
	}

	/** The {@code _cursor} of the page after the row at this time and id. */
	static String cursor(Instant at, UUID id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((at + " " + id).getBytes(StandardCharsets.UTF_8));
	}

	private static String[] cursor(String value) {
		try {
			String[] position = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(" ");
			if (position.length == 2) {
				Instant.parse(position[0]);
				UUID.fromString(position[1]);
				return position;
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// Answered below, like any other malformed cursor.
		}
		throw FhirException.badRequest("_cursor is not one this server gave");
	}

	private static String single(String name, List<String> values) {
		if (values.size() != 1) {
			throw FhirException.badRequest(name + " may be given once");
		}
		return values.get(0);
	}

	private static int count(String value) {
		try {
			int count = Integer.parseInt(value);
			if (count < 1) {
				throw FhirException.badRequest("_count must be at least 1");
			}
			return Math.min(count, MAX_COUNT);
		}
		catch (NumberFormatException ex) {
			throw FhirException.badRequest("_count must be a whole number: " + value);
		}
	}

	private static UUID patient(String value) {
		String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
		try {
			UUID parsed = UUID.fromString(id);
			if (parsed.toString().equals(id.toLowerCase(java.util.Locale.ROOT))) {
				return parsed;
			}
		}
		catch (IllegalArgumentException ex) {
			// Answered below.
		}
		throw FhirException.badRequest("patient must be Patient/{id} or {id}: " + value);
	}

	/** A {@code _lastUpdated} value as a half-open range [from, to). */
	private record Range(Instant from, Instant to) {
	}

	private static Range range(String value) {
		Matcher m = DATE.matcher(value);
		if (!m.matches()) {
			throw FhirException.badRequest("_lastUpdated must be a FHIR date or dateTime with an optional prefix "
					+ "eq, gt, ge, lt or le: " + value);
		}
		String prefix = (m.group(1) != null) ? m.group(1) : "eq";
		Instant start;
		Instant end;
		try {
			int year = Integer.parseInt(m.group(2));
			if (m.group(3) == null) {
				start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
				end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			else if (m.group(4) == null) {
				YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
				start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
				end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			else if (m.group(5) == null) {
				LocalDate day = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
				start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
				end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			else {
				String time = m.group(5);
				boolean minutes = time.matches("T\\d{2}:\\d{2}(Z|[+-].*)");
				String text = value.substring(m.start(2));
				start = OffsetDateTime.parse(minutes ? text.replaceFirst("(T\\d{2}:\\d{2})", "$1:00") : text)
					.toInstant();
				// A time is as precise as it is written: to the minute, second or
				// fraction.
				ChronoUnit unit = minutes ? ChronoUnit.MINUTES
						: time.contains(".") ? ChronoUnit.MICROS : ChronoUnit.SECONDS;
				end = start.plus(1, unit);
			}
		}
		catch (java.time.DateTimeException ex) {
			throw FhirException.badRequest("_lastUpdated is not a valid date: " + value);
		}
		return switch (prefix) {
			case "gt" -> new Range(end, null);
			case "ge" -> new Range(start, null);
			case "lt" -> new Range(null, start);
			case "le" -> new Range(null, end);
			default -> new Range(start, end);
		};
	}

}
