package org.aftercare.audit;

/**
 * What an audit row says was done. An enum, so that a row cannot carry a misspelt action
 * that the audit viewer's filter and a regulator's search would then miss; the database
 * keeps the name, so rows written before an action was added or renamed still read.
 */
public enum AuditAction {

	// Signing in and out
	LOGIN, LOGIN_FAILED, LOGOUT, ACCESS_DENIED,

	// A login's own credentials
	INVITATION_ACCEPTED, PASSWORD_CHANGED, PASSWORD_RESET, PASSWORD_RESET_REQUESTED, PASSWORD_RESET_LIMITED,
	SIGN_IN_LINK_REQUESTED, SIGN_IN_LINK_LIMITED, SIGN_IN_LINK_REFUSED, SIGN_IN_LINK_USED, PASSKEY_REGISTERED,
	PASSKEY_REMOVED, TWO_FACTOR_ENROLLED, TWO_FACTOR_RECOVERY_CODES_RENEWED, TWO_FACTOR_DISABLED, TWO_FACTOR_RESET,
	TWO_FACTOR_REPLACEMENT_STARTED, LANGUAGE_CHANGED,

	// The clinic's settings and staff
	CLINIC_SETTINGS_CHANGED, AFTERCARE_SHEET_CHANGED, TRIAGE_SETTINGS_CHANGED, TWO_FACTOR_POLICY, STAFF_INVITED,
	STAFF_DISABLED, STAFF_ENABLED,

	// Patient data written
	PATIENT_ENROLLED, TREATMENT_RECORDED, AFTERCARE_CONFIRMED, REPORT_SUBMITTED, CHECK_IN_LINK_OPENED,

	// Patient data read
	PATIENT_VIEWED, REPORT_VIEWED, FLAG_VIEWED, PHOTO_VIEWED, PATIENT_DATA_EXPORTED, AUDIT_VIEWED, AUDIT_EXPORTED,

	// A clinician's work on a flag
	FLAG_ACKNOWLEDGED, FLAG_CONTACT_CALLED, FLAG_CONTACT_MESSAGED, FLAG_CONTACT_NO_ANSWER, FLAG_FOLLOW_UP_REQUESTED,
	FLAG_RESOLVED, FLAG_REOPENED,

	// Erasure
	ERASURE_REQUESTED, ERASURE_APPROVED, ERASURE_DECLINED,

	// The FHIR API: its clients, and what they read (one row per resource read, per
	// patient
	// a search returned)
	API_CLIENT_CREATED, API_CLIENT_REVOKED, FHIR_READ, FHIR_SEARCH,

	// A regulator's report drafted from a flag (MedWatch 3500, Yellow Card)
	REGULATOR_REPORT_PREPARED

}
