package org.aftercare.dashboard;

import java.util.Optional;

/**
 * The Wilson score interval of a proportion: unlike the textbook p ± z·SE it stays within
 * 0 and 1 and keeps its coverage for small clinics and rare symptoms, where the data sits
 * near 0.
 *
 * @param lower lower bound, between 0 and 1
 * @param upper upper bound, between 0 and 1
 */
public record WilsonInterval(double lower, double upper) {

	/** Two-sided 95%. */
	static final double Z95 = 1.96;

	/**
	 * The 95% interval of {@code events} out of {@code trials}; empty when there are no
	 * trials (no denominator, no interval).
	 */
	public static Optional<WilsonInterval> of(long events, long trials) {
		return of(events, trials, Z95);
	}

	static Optional<WilsonInterval> of(long events, long trials, double z) {
		if (events < 0 || trials < 0 || events > trials) {
			throw new IllegalArgumentException("need 0 <= events <= trials, got " + events + "/" + trials);
		}
		if (trials == 0) {
			return Optional.empty();
		}
		double n = trials;
		double p = events / n;
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2 * n)) / denominator;
		double halfWidth = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
		// At 0/n and n/n one bound is exactly 0 or 1; rounding must not push it outside.
		return Optional.of(new WilsonInterval(clamp(centre - halfWidth), clamp(centre + halfWidth)));
	}

	/** Whether the whole interval lies above {@code rate}: the clinic's signal test. */
	public boolean whollyAbove(double rate) {
		return this.lower > rate;
	}

	private static double clamp(double value) {
		return Math.min(1, Math.max(0, value));
	}

}
