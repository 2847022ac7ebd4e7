package org.aftercare.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aftercare.report.Symptom;

/**
 * The analytics parameters as typed, so that a bad one comes back beside its field with
 * the user's own value instead of failing the request. Missing values take the defaults:
 * the last 12 months, by product, headache.
 */
record AnalyticsForm(String from, String to, String dimension, String symptom) {

	/** The criteria, or the message key of each wrong field. */
	record Parsed(AnalyticsCriteria criteria, Map<String, String> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

	}

	Parsed parse(LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate to = date(this.to, today, "to", errors);
		LocalDate from = date(this.from, (to != null ? to : today).minusMonths(12).plusDays(1), "from", errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.put("to", "analytics.error.reversed");
		}
		AnalyticsDimension dimension = constant(AnalyticsDimension.class, this.dimension, AnalyticsDimension.PRODUCT,
				"dimension", errors);
		Symptom symptom = constant(Symptom.class, this.symptom, Symptom.HEADACHE, "symptom", errors);
		return new Parsed(errors.isEmpty() ? new AnalyticsCriteria(from, to, dimension, symptom) : null, errors);
	}

	/** The values to show back in the form: what was typed, or the default. */
	AnalyticsForm withDefaults(LocalDate today) {
		Parsed parsed = parse(today);
		if (parsed.valid()) {
			AnalyticsCriteria c = parsed.criteria();
			return new AnalyticsForm(c.from().toString(), c.to().toString(), c.dimension().name(), c.symptom().name());
		}
		return this;
	}

	private static LocalDate date(String value, LocalDate fallback, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "analytics.error.date");
			return null;
		}
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String value, E fallback, String field,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "analytics.error." + field);
			return null;
		}
	}

}
