package org.aftercare.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.security.ClinicId;
import org.aftercare.web.Languages;

/**
 * The patient facade: enrolment and the patient's intake history, always within one
 * clinic.
 */
@Service
public class PatientService {

	private final PatientRepository patients;

	private final JdbcClient jdbc;

	private final Clock clock;

	PatientService(PatientRepository patients, JdbcClient jdbc, Clock clock) {
		this.patients = patients;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Only the patient record; the login (and with it the patient's language) is the
	 * account module's.
	 */
	@Transactional
	public PatientId enrol(ClinicId clinicId, Intake intake) {
		return new PatientId(this.patients.save(new Patient(clinicId.value(), intake, this.clock.instant())).id());
	}

	/**
	 * Erasure: replaces the patient's name, e-mail, phone, day and month of birth and
	 * free text (medicines, concerns) with placeholders; the record, its birth year and
	 * risk factors remain for de-identified counts.
	 * @return whether the clinic has this patient
	 */
	@Transactional
	public boolean pseudonymise(ClinicId clinicId, PatientId patientId) {
		Optional<Patient> patient = this.patients.findByIdAndClinicId(patientId.value(), clinicId.value());
		patient.ifPresent(Patient::pseudonymise);
		return patient.isPresent();
	}

	/**
	 * The patient's record, read with a plain query rather than as an entity: the flag
	 * page and every report's triage read it, and the entity's load was 7% of the flag
	 * page. It does not see changes to the entity not yet flushed in the same
	 * transaction; no caller makes any. The language comes from the patient's login, in
	 * the same statement.
	 */
	@Transactional(readOnly = true)
	public Optional<PatientSummary> find(ClinicId clinicId, PatientId patientId) {
		return this.jdbc.sql("""
				SELECT id, clinic_id, given_name, family_name, date_of_birth, email, phone, hypertension,
				       migraine_history, baseline_headache_days, neuromuscular_disease,
				       breathing_swallowing_bleeding_problems, toxin_in_last_4_months, recent_aminoglycosides,
				       earlier_facial_surgery, existing_eyelid_droop, pregnant_or_breastfeeding, product_allergy,
				       cows_milk_allergy, current_medicines, concerns,
				       (SELECT l.language FROM read_model.patient_language l
				         WHERE l.clinic_id = p.clinic_id AND l.patient_id = p.id LIMIT 1) AS language
				  FROM patient p WHERE clinic_id = ? AND id = ?
				""")
			.params(clinicId.value(), patientId.value())
			.query((rs, n) -> new PatientSummary(new PatientId(rs.getObject(1, UUID.class)),
					new ClinicId(rs.getObject(2, UUID.class)),
					new Intake(rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
							rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getObject(10, Integer.class),
							rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14),
							rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17), rs.getBoolean(18),
							rs.getBoolean(19), rs.getString(20), rs.getString(21)),
					(rs.getString(22) != null) ? rs.getString(22) : Languages.DEFAULT.toLanguageTag()))
			.optional();
	}

}
