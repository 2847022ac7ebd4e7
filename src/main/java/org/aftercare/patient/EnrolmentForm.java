package org.aftercare.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.aftercare.web.PlainText;

/**
 * The clinician's enrolment form: who the patient is and the intake questions of
 * CLINICAL.md section 1, and the language the patient's pages and e-mails are in (a tag
 * such as "es"; the controller checks it is one of the app's). Ticked boxes arrive as
 * {@code true}, unticked ones as {@code false} or nothing.
 */
record EnrolmentForm(@NotBlank @Size(max = 80) @PlainText String givenName,
		@NotBlank @Size(max = 80) @PlainText String familyName,
		@NotNull @Past @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
		@NotBlank @Size(max = 254) @Email @PlainText String email,
		@Size(max = 40) @Pattern(regexp = "|[+0-9 ()\\-]{3,40}") String phone, Boolean hypertension,
		Boolean migraineHistory, @Min(0) @Max(31) Integer baselineHeadacheDays, Boolean neuromuscularDisease,
		Boolean breathingSwallowingBleedingProblems, Boolean toxinInLast4Months, Boolean recentAminoglycosides,
		Boolean earlierFacialSurgery, Boolean existingEyelidDroop, Boolean pregnantOrBreastfeeding,
		Boolean productAllergy, Boolean cowsMilkAllergy,
		@Size(max = 1000) @PlainText(multiline = true) String currentMedicines,
		@Size(max = 2000) @PlainText(multiline = true) String concerns, @Size(max = 35) String language) {

	static EnrolmentForm blank(String language) {
		return new EnrolmentForm(null, null, null, null, null, false, false, null, false, false, false, false, false,
				false, false, false, false, null, null, language);
	}

	Intake toIntake() {
		return new Intake(this.givenName.strip(), this.familyName.strip(), this.dateOfBirth, this.email.strip(),
				blankToNull(this.phone), yes(this.hypertension), yes(this.migraineHistory), this.baselineHeadacheDays,
				yes(this.neuromuscularDisease), yes(this.breathingSwallowingBleedingProblems),
				yes(this.toxinInLast4Months), yes(this.recentAminoglycosides), yes(this.earlierFacialSurgery),
				yes(this.existingEyelidDroop), yes(this.pregnantOrBreastfeeding), yes(this.productAllergy),
				yes(this.cowsMilkAllergy), blankToNull(this.currentMedicines), blankToNull(this.concerns));
	}

	private static boolean yes(Boolean answer) {
		return Boolean.TRUE.equals(answer);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
