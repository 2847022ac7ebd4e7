package org.aftercare.triage;

/**
 * Someone else changed the flag since this page was loaded: nothing is overwritten, the
 * clinician is shown what changed.
 */
class FlagChangedException extends RuntimeException {

	FlagChangedException() {
		super("flag changed since it was loaded");
	}

}
