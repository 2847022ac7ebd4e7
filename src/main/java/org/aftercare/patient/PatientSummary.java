package org.aftercare.patient;

import org.aftercare.security.ClinicId;

/**
 * A patient as other modules see them: their clinic and their intake answers.
 *
 * @param language the tag of the language of their login ("es"): their pages and e-mails;
 * staff pages show it and stay English
 */
public record PatientSummary(PatientId id, ClinicId clinicId, Intake intake, String language) {

	public String fullName() {
		return this.intake.fullName();
	}

}
