package org.aftercare.triage.rules;

/**
 * The patient's intake history that the rules use (R11 and the "other possible causes").
 *
 * @param baselineHeadacheDaysPerMonth headache days per month before treatment;
 * {@code null} when unknown
 */
public record PatientFacts(boolean hypertension, boolean migraineHistory, Integer baselineHeadacheDaysPerMonth,
		boolean neuromuscularDisease, boolean toxinInLast4Months, boolean recentAminoglycosides) {

	public PatientFacts {
		if (baselineHeadacheDaysPerMonth != null
				&& (baselineHeadacheDaysPerMonth < 0 || baselineHeadacheDaysPerMonth > 31)) {
			throw new IllegalArgumentException(
					"baselineHeadacheDaysPerMonth must be 0-31, was " + baselineHeadacheDaysPerMonth);
		}
	}

	/** A patient without any risk factor or headache history on record. */
	public static PatientFacts none() {
		return new PatientFacts(false, false, null, false, false, false);
	}
}
