package org.aftercare.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;

import org.aftercare.report.Symptom;

/**
 * A valid question: which symptom, grouped by what, for treatments given from
 * {@code from} to {@code to} (both days included, in the clinic's time zone).
 */
record AnalyticsCriteria(LocalDate from, LocalDate to, AnalyticsDimension dimension, Symptom symptom) {

	java.time.Instant start(ZoneId zone) {
		return this.from.atStartOfDay(zone).toInstant();
	}

	java.time.Instant end(ZoneId zone) {
		return this.to.plusDays(1).atStartOfDay(zone).toInstant();
	}

}
