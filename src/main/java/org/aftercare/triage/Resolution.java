package org.aftercare.triage;

/**
 * What the clinician concludes on closing a flag (CLINICAL.md section 7): the outcome,
 * the WHO-UMC causality, the seriousness and which criteria made it serious (comma
 * separated, or null), and their note (or null).
 */
public record Resolution(Outcome outcome, Causality causality, Seriousness seriousness, String criteria, String note) {

	/**
	 * What the flag's history and the audit trail say was concluded, without the note.
	 */
	String conclusion() {
		return this.outcome + ", " + this.causality + ", " + this.seriousness
				+ ((this.criteria == null) ? "" : " (" + this.criteria + ")");
	}

}
