package org.aftercare.triage.rules;

/**
 * Flag priorities of CLINICAL.md section 3, lowest first. Below MEDIUM a report is
 * recorded but not flagged, so there is no lower constant.
 */
public enum Priority {

	/** Review within one business day. */
	MEDIUM,
	/** Contact the patient the same day. */
	HIGH,
	/** Act now. */
	EMERGENCY;

	/** One level up, capped at EMERGENCY. */
	public Priority raise() {
		return this == EMERGENCY ? EMERGENCY : values()[ordinal() + 1];
	}

	/** The higher of this and {@code other}. */
	public Priority atLeast(Priority other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
