package org.aftercare.security;

/**
 * The three kinds of people who use Aftercare.
 */
public enum Role {

	PATIENT, CLINICIAN, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
