package org.aftercare.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.paging.KeysetPage;
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
		return this.jdbc.sql(COLUMNS + ", " + LANGUAGE + " FROM patient p WHERE clinic_id = ? AND id = ?")
			.params(clinicId.value(), patientId.value())
			.query((rs, n) -> new PatientSummary(new PatientId(rs.getObject(1, UUID.class)),
					new ClinicId(rs.getObject(2, UUID.class)), intake(rs),
					(rs.getString(22) != null) ? rs.getString(22) : Languages.DEFAULT.toLanguageTag()))
			.optional();
	}

	/**
	 * One patient's record with when it was recorded and their login's language, for the
	 * FHIR API.
	 */
	@Transactional(readOnly = true)
	public Optional<PatientRecord> findRecord(ClinicId clinicId, PatientId patientId) {
		return this.jdbc.sql(COLUMNS + ", created_at, " + LANGUAGE + " FROM patient p WHERE clinic_id = ? AND id = ?")
			.params(clinicId.value(), patientId.value())
			.query(PatientService::record)
			.optional();
	}

	/**
	 * The clinic's patients in the order they were recorded, a page at a time (index
	 * {@code patient_clinic_created_idx}), for the FHIR API.
	 */
	@Transactional(readOnly = true)
	public List<PatientRecord> records(ClinicId clinicId, KeysetPage page) {
		return page.bind(this.jdbc
			.sql(COLUMNS + ", created_at, " + LANGUAGE + " FROM patient p WHERE clinic_id = :clinic"
					+ page.conditions("created_at", "id") + " ORDER BY created_at, id LIMIT :keyset_limit")
			.param("clinic", clinicId.value())).query(PatientService::record).list();
	}

	private static final String COLUMNS = """
			SELECT id, clinic_id, given_name, family_name, date_of_birth, email, phone, hypertension,
			       migraine_history, baseline_headache_days, neuromuscular_disease,
			       breathing_swallowing_bleeding_problems, toxin_in_last_4_months, recent_aminoglycosides,
			       earlier_facial_surgery, existing_eyelid_droop, pregnant_or_breastfeeding, product_allergy,
			       cows_milk_allergy, current_medicines, concerns""";

	/** The patient's language: their login's, which the account module keeps (V29). */
	private static final String LANGUAGE = """
			(SELECT l.language FROM read_model.patient_language l
			  WHERE l.clinic_id = p.clinic_id AND l.patient_id = p.id LIMIT 1) AS language""";

	private static PatientRecord record(ResultSet rs, int n) throws SQLException {
		return new PatientRecord(new PatientId(rs.getObject(1, UUID.class)), intake(rs),
				rs.getTimestamp(22).toInstant(), rs.getString(23));
	}

	private static Intake intake(ResultSet rs) throws SQLException {
		return new Intake(rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
				rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getObject(10, Integer.class), rs.getBoolean(11),
				rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16),
				rs.getBoolean(17), rs.getBoolean(18), rs.getBoolean(19), rs.getString(20), rs.getString(21));
	}

}
