package org.aftercare.audit;

/** How the audited attempt ended. */
public enum AuditOutcome {

	SUCCESS,

	/** Tried and refused for a wrong credential (a password, a used link). */
	FAILURE,

	/**
	 * Refused by a rule: a role, a limit, a staff account asking for a patient's link.
	 */
	DENIED

}
