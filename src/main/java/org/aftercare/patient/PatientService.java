package org.aftercare.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient facade: enrolment and the patient's intake history, always within one
 * clinic.
 */
@Service
public class PatientService {

	private final PatientRepository patients;

	private final Clock clock;

	PatientService(PatientRepository patients, Clock clock) {
		this.patients = patients;
		this.clock = clock;
	}

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

	public record PatientSummary(UUID id, UUID clinicId, Intake intake) {

		public String fullName() {
			return this.intake.fullName();
		}

	}

	@Transactional
	public UUID enrol(UUID clinicId, Intake intake) {
		return this.patients.save(new Patient(clinicId, intake, this.clock.instant())).id();
	}

	/**
	 * Erasure: replaces the patient's name, e-mail, phone, day and month of birth and
	 * free text (medicines, concerns) with placeholders; the record, its birth year and
	 * risk factors remain for de-identified counts.
	 * @return whether the clinic has this patient
	 */
	@Transactional
	public boolean pseudonymise(UUID clinicId, UUID patientId) {
		Optional<Patient> patient = this.patients.findByIdAndClinicId(patientId, clinicId);
		patient.ifPresent(Patient::pseudonymise);
		return patient.isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<PatientSummary> find(UUID clinicId, UUID patientId) {
		return this.patients.findByIdAndClinicId(patientId, clinicId).map(Patient::summary);
	}

}
