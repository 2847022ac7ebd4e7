package org.aftercare.patient;

import java.time.LocalDate;

/** Who the patient is and the intake questions of CLINICAL.md section 1. */
public record Intake(String givenName, String familyName, LocalDate dateOfBirth, String email, String phone,
		boolean hypertension, boolean migraineHistory, Integer baselineHeadacheDays, boolean neuromuscularDisease,
		boolean breathingSwallowingBleedingProblems, boolean toxinInLast4Months, boolean recentAminoglycosides,
		boolean earlierFacialSurgery, boolean existingEyelidDroop, boolean pregnantOrBreastfeeding,
		boolean productAllergy, boolean cowsMilkAllergy, String currentMedicines, String concerns) {

	public String fullName() {
		return this.givenName + " " + this.familyName;
	}

}
