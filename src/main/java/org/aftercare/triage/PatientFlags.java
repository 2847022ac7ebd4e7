package org.aftercare.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;

/**
 * What triage holds about one patient, for the privacy module: their flags, for their own
 * download, and the erasure of what was written about them.
 */
@Service
public class PatientFlags {

	static final String ERASED = "\"[erased]\"";

	static final String ERASED_NOTE = "[erased]";

	private final JdbcClient jdbc;

	PatientFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every flag raised about the patient, oldest first. */
	@Transactional(readOnly = true)
	public List<FlagOfPatient> of(ClinicId clinic, PatientId patient) {
		UUID clinicId = clinic.value();
		UUID patientId = patient.value();
		return this.jdbc.sql("""
				SELECT id, treatment_id, rule_code, priority, status, raised_at, resolved_at, outcome
				  FROM flag WHERE clinic_id = ? AND patient_id = ? ORDER BY raised_at, id
				""")
			.params(clinicId, patientId)
			.query((rs, n) -> new FlagOfPatient(new FlagId(rs.getObject("id", UUID.class)),
					new TreatmentId(rs.getObject("treatment_id", UUID.class)), rs.getString("rule_code"),
					rs.getString("priority"), rs.getString("status"), instant(rs.getTimestamp("raised_at")),
					instant(rs.getTimestamp("resolved_at")), rs.getString("outcome")))
			.list();
	}

	/**
	 * The patient's erasure, triage's part, in the caller's transaction. Flag evidence
	 * quotes the patient's descriptions of "other" symptoms ({@code otherDescriptions},
	 * which the report module erased from the reports): the quotes are blanked. What
	 * clinicians wrote about the patient goes: resolution notes and the notes of
	 * contacts, follow-up requests and reopenings; what was done, when and by whom, and
	 * the outcome, causality and seriousness remain. Their episodes are no longer watched
	 * for R6.
	 */
	@Transactional
	public void erasePatient(ClinicId clinic, PatientId patient, List<String> otherDescriptions) {
		UUID clinicId = clinic.value();
		UUID patientId = patient.value();
		for (String description : otherDescriptions) {
			// Evidence quotes the stripped description (rules.Evidence#entry).
			String quoted = "\"" + description.strip() + "\"";
			this.jdbc.sql("""
					UPDATE flag SET evidence = replace(evidence, :quoted, :erased)
					 WHERE clinic_id = :clinic AND patient_id = :patient AND strpos(evidence, :quoted) > 0""")
				.param("quoted", quoted)
				.param("erased", ERASED)
				.param("clinic", clinicId)
				.param("patient", patientId)
				.update();
			this.jdbc.sql("""
					UPDATE flag_evidence fe SET evidence = replace(fe.evidence, :quoted, :erased)
					  FROM flag f
					 WHERE f.clinic_id = fe.clinic_id AND f.id = fe.flag_id
					   AND f.clinic_id = :clinic AND f.patient_id = :patient AND strpos(fe.evidence, :quoted) > 0""")
				.param("quoted", quoted)
				.param("erased", ERASED)
				.param("clinic", clinicId)
				.param("patient", patientId)
				.update();
		}
		this.jdbc.sql("""
				UPDATE flag SET resolution_note = :erased
				 WHERE clinic_id = :clinic AND patient_id = :patient AND resolution_note IS NOT NULL""")
			.param("erased", ERASED_NOTE)
			.param("clinic", clinicId)
			.param("patient", patientId)
			.update();
		// A resolution's detail is "outcome, causality, seriousness (criteria): note"
		// (FlagReview#resolve): the part before the note is no one's words and stays.
		// The clinician's other actions carry their note as the detail.
		this.jdbc.sql("""
				UPDATE flag_action a
				   SET detail = CASE WHEN a.action = 'RESOLVED'
				                     THEN substr(a.detail, 1, strpos(a.detail, ': ') + 1) || :erased
				                     ELSE :erased END
				  FROM flag f
				 WHERE f.clinic_id = a.clinic_id AND f.id = a.flag_id
				   AND f.clinic_id = :clinic AND f.patient_id = :patient AND a.detail IS NOT NULL
				   AND ((a.action = 'RESOLVED' AND strpos(a.detail, ': ') > 0)
				        OR a.action IN ('ACKNOWLEDGED', 'FOLLOW_UP_REQUESTED', 'REOPENED')
				        OR a.action LIKE 'CONTACT\\_%')""")
			.param("erased", ERASED_NOTE)
			.param("clinic", clinicId)
			.param("patient", patientId)
			.update();
		this.jdbc.sql("DELETE FROM ongoing_headache WHERE clinic_id = ? AND patient_id = ?")
			.params(clinicId, patientId)
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}
