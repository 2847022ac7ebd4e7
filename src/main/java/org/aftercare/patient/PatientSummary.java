package org.aftercare.patient;

import org.aftercare.security.ClinicId;

/** A patient as other modules see them: their clinic and their intake answers. */
public record PatientSummary(PatientId id, ClinicId clinicId, Intake intake) {

	public String fullName() {
		return this.intake.fullName();
	}

}
