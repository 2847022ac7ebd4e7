package org.aftercare.report;

/**
 * Other possible causes the patient ticks on a report (CLINICAL.md section 2). They never
 * lower a flag.
 */
public enum Confounder {

	STRESS("stress"), LITTLE_WATER("little water"), POOR_SLEEP("poor sleep"), ALCOHOL("alcohol"),
	SKIPPED_MEALS_OR_CAFFEINE("skipped meals or caffeine"), ILLNESS("illness"), MENSTRUAL_CYCLE("menstrual cycle"),
	SCREEN_TIME("long screen time"), NONE("none");

	private final String label;

	Confounder(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
