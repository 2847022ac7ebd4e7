package org.aftercare.report;

/**
 * The patient has no treatment on record, so there is no episode to report about.
 */
public class NoTreatmentException extends RuntimeException {

	public NoTreatmentException() {
		super("no treatment on record");
	}

}
