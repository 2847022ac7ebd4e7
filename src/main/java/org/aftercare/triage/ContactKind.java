package org.aftercare.triage;

/** How the clinic tried to reach the patient. */
public enum ContactKind {

	CALLED, MESSAGED, NO_ANSWER

}
