package org.aftercare.patient;

import java.util.UUID;

/** A patient as other modules see them: their clinic and their intake answers. */
public record PatientSummary(UUID id, UUID clinicId, Intake intake) {

	public String fullName() {
		return this.intake.fullName();
	}

}
