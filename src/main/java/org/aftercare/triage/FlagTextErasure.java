package org.aftercare.triage;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.aftercare.report.ReportTextErased;

/**
 * Flag evidence quotes the patient's description of an "other" symptom; when the
 * patient's text is erased, the quotes in their flags are blanked too, in the same
 * transaction.
 */
@Component
class FlagTextErasure {

	static final String ERASED = "\"[erased]\"";

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
				.param("clinic", erased.clinicId())
				.param("patient", erased.patientId())
				.update();
			this.jdbc.sql("""
					UPDATE flag_evidence fe SET evidence = replace(fe.evidence, :quoted, :erased)
					  FROM flag f
					 WHERE f.clinic_id = fe.clinic_id AND f.id = fe.flag_id
					   AND f.clinic_id = :clinic AND f.patient_id = :patient AND strpos(fe.evidence, :quoted) > 0""")
				.param("quoted", quoted)
				.param("erased", ERASED)
				.param("clinic", erased.clinicId())
				.param("patient", erased.patientId())
				.update();
		}
	}

}
