package org.aftercare.interop;

import java.util.Arrays;
import java.util.Optional;

/**
 * The regulators' reporting schemes a flag can be drafted for, each with its form (not a
 * web form: nothing binds to it).
 */
enum ReportingScheme {

	/** The FDA's MedWatch Form 3500 (health professionals; 3500B is the consumers'). */
	MEDWATCH_3500("medwatch-3500", "FDA MedWatch Form 3500"),

	/** The MHRA's Yellow Card (United Kingdom). */
	YELLOW_CARD("yellow-card", "MHRA Yellow Card");

	private final String slug;

	private final String title;

	ReportingScheme(String slug, String title) {
		this.slug = slug;
		this.title = title;
	}

	String slug() {
		return this.slug;
	}

	String title() {
		return this.title;
	}

	static Optional<ReportingScheme> of(String slug) {
		return Arrays.stream(values()).filter((f) -> f.slug.equals(slug)).findFirst();
	}

}
