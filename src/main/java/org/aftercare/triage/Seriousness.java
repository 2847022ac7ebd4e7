package org.aftercare.triage;

/** Non-serious, or serious with its criteria (CLINICAL.md section 7). */
public enum Seriousness {

	NON_SERIOUS, SERIOUS;

	/** The criteria a serious event meets. */
	public enum Criterion {

		HOSPITALISATION, LIFE_THREATENING, DISABILITY, OTHER_MEDICALLY_IMPORTANT

	}

}
