package org.aftercare.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.web.Ids;

/**
 * A patient of one clinic, with the intake history that the flag rules and the clinician
 * weigh.
 */
@Entity
@Table(name = "patient")
class Patient {

	static final String ERASED_GIVEN_NAME = "Erased";

	static final String ERASED_FAMILY_NAME = "Patient";

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "given_name", nullable = false, length = 80)
	private String givenName;

	@Column(name = "family_name", nullable = false, length = 80)
	private String familyName;

	@Column(name = "date_of_birth", nullable = false)
	private LocalDate dateOfBirth;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(length = 40)
	private String phone;

	private boolean hypertension;

	@Column(name = "migraine_history")
	private boolean migraineHistory;

	@Column(name = "baseline_headache_days")
	private Short baselineHeadacheDays;

	@Column(name = "neuromuscular_disease")
	private boolean neuromuscularDisease;

	@Column(name = "breathing_swallowing_bleeding_problems")
	private boolean breathingSwallowingBleedingProblems;

	@Column(name = "toxin_in_last_4_months")
	private boolean toxinInLast4Months;

	@Column(name = "recent_aminoglycosides")
	private boolean recentAminoglycosides;

	@Column(name = "earlier_facial_surgery")
	private boolean earlierFacialSurgery;

	@Column(name = "existing_eyelid_droop")
	private boolean existingEyelidDroop;

	@Column(name = "pregnant_or_breastfeeding")
	private boolean pregnantOrBreastfeeding;

	@Column(name = "product_allergy")
	private boolean productAllergy;

	@Column(name = "cows_milk_allergy")
	private boolean cowsMilkAllergy;

	@Column(name = "current_medicines", length = 1000)
	private String currentMedicines;

	@Column(length = 2000)
	private String concerns;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private Long version;

	protected Patient() {
	}

	Patient(UUID clinicId, Intake intake, Instant createdAt) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.createdAt = createdAt;
		update(intake);
	}

	void update(Intake intake) {
		this.givenName = intake.givenName();
		this.familyName = intake.familyName();
		this.dateOfBirth = intake.dateOfBirth();
		this.email = intake.email();
		this.phone = intake.phone();
		this.hypertension = intake.hypertension();
		this.migraineHistory = intake.migraineHistory();
		this.baselineHeadacheDays = intake.baselineHeadacheDays() == null ? null
				: intake.baselineHeadacheDays().shortValue();
		this.neuromuscularDisease = intake.neuromuscularDisease();
		this.breathingSwallowingBleedingProblems = intake.breathingSwallowingBleedingProblems();
		this.toxinInLast4Months = intake.toxinInLast4Months();
		this.recentAminoglycosides = intake.recentAminoglycosides();
		this.earlierFacialSurgery = intake.earlierFacialSurgery();
		this.existingEyelidDroop = intake.existingEyelidDroop();
		this.pregnantOrBreastfeeding = intake.pregnantOrBreastfeeding();
		this.productAllergy = intake.productAllergy();
		this.cowsMilkAllergy = intake.cowsMilkAllergy();
		this.currentMedicines = intake.currentMedicines();
		this.concerns = intake.concerns();
	}

	/**
	 * Erasure: who the patient is and what they wrote goes; the birth year and the risk
	 * factors stay, so that de-identified analytics (age bands, risk factors) still add
	 * up.
	 */
	void pseudonymise() {
		this.givenName = ERASED_GIVEN_NAME;
		this.familyName = ERASED_FAMILY_NAME;
		this.email = "erased-" + this.id + "@invalid";
		this.phone = null;
		this.dateOfBirth = LocalDate.of(this.dateOfBirth.getYear(), 1, 1);
		this.currentMedicines = null;
		this.concerns = null;
	}

	UUID id() {
		return this.id;
	}

}
