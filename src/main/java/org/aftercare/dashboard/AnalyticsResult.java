package org.aftercare.dashboard;

import java.util.List;

/**
 * What the clinic learns about one symptom: a row per group, the clinic overall, and the
 * published figure where one exists.
 *
 * @param groups the groups of the dimension, in display order
 * @param overall the clinic as a whole, the yardstick of a signal
 * @param reference the published rate, or {@code null} when none exists
 */
record AnalyticsResult(AnalyticsCriteria criteria, List<Row> groups, Row overall, Reference reference) {

	/**
	 * One group: {@code treatments} had an answered check-in within 14 days,
	 * {@code withSymptom} of them the symptom. Rates and bounds are proportions (0-1),
	 * null when there is no denominator.
	 */
	record Row(String key, String label, long treatments, long withSymptom, Double incidence, Double lower,
			Double upper, boolean signal) {

		static Row of(String key, String label, long treatments, long withSymptom, Double overallRate) {
			var interval = WilsonInterval.of(withSymptom, treatments);
			Double incidence = (treatments == 0) ? null : (double) withSymptom / treatments;
			boolean signal = overallRate != null && interval.map((i) -> i.whollyAbove(overallRate)).orElse(false);
			return new Row(key, label, treatments, withSymptom, incidence,
					interval.map(WilsonInterval::lower).orElse(null), interval.map(WilsonInterval::upper).orElse(null),
					signal);
		}

	}

	/** A published rate and where it comes from (the message key of its citation). */
	record Reference(double rate, String sourceKey) {
	}

}
