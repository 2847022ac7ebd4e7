package org.aftercare.triage;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.aftercare.privacy.PatientErased;
import org.aftercare.report.ReportTextErased;

/**
 * Flag evidence quotes the patient's description of an "other" symptom; when the
 * patient's text is erased, the quotes in their flags are blanked too, in the same
 * transaction. When the patient is erased, what clinicians wrote about them goes as well:
 * resolution notes and the notes of contacts, follow-up requests and reopenings. What was
 * done, when and by whom, and the outcome, causality and seriousness, remain.
 */
@Component
class FlagTextErasure {

	static final String ERASED = "\"[erased]\"";

	static final String ERASED_NOTE = "[erased]";

	private final JdbcClient jdbc;

	FlagTextErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ReportTextErased erased) {
		for (String description : erased.otherDescriptions()) {
			// Evidence quotes the stripped description (rules.Evidence#entry).
			String quoted = "\"" + description.strip() + "\"";
			this.jdbc.sql("""
					UPDATE flag SET evidence = replace(evidence, :quoted, :erased)
					 WHERE clinic_id = :clinic AND patient_id = :patient AND strpos(evidence, :quoted) > 0""")
				.param("quoted", quoted)
				.param("erased", ERASED)
				.param("clinic", erased.clinicId().value())
				.param("patient", erased.patientId().value())
				.update();
			this.jdbc.sql("""
					UPDATE flag_evidence fe SET evidence = replace(fe.evidence, :quoted, :erased)
					  FROM flag f
					 WHERE f.clinic_id = fe.clinic_id AND f.id = fe.flag_id
					   AND f.clinic_id = :clinic AND f.patient_id = :patient AND strpos(fe.evidence, :quoted) > 0""")
				.param("quoted", quoted)
				.param("erased", ERASED)
				.param("clinic", erased.clinicId().value())
				.param("patient", erased.patientId().value())
				.update();
		}
	}

	@EventListener
	void on(PatientErased erased) {
		this.jdbc.sql("""
				UPDATE flag SET resolution_note = :erased
				 WHERE clinic_id = :clinic AND patient_id = :patient AND resolution_note IS NOT NULL""")
			.param("erased", ERASED_NOTE)
			.param("clinic", erased.clinicId().value())
			.param("patient", erased.patientId().value())
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
			.param("clinic", erased.clinicId().value())
			.param("patient", erased.patientId().value())
			.update();
	}

}
