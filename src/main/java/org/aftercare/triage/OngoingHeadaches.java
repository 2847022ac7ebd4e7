package org.aftercare.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.aftercare.triage.rules.EntryFacts;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;

/**
 * R6's candidates, in a table of triage's own ({@code ongoing_headache}): each episode
 * whose latest headache entry was still going on when reported. Kept by triage as it
 * evaluates each report, so the clock's R6 run reads no other module's tables.
 */
@Component
class OngoingHeadaches {

	private final JdbcClient jdbc;

	OngoingHeadaches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A report with a headache entry came in: the episode's latest headache is now
	 * {@code latest}. One statement.
	 */
	void reported(UUID clinicId, UUID patientId, UUID treatmentId, EntryFacts latest) {
		if (latest.ongoing()) {
			this.jdbc.sql("""
					INSERT INTO ongoing_headache (clinic_id, treatment_id, patient_id, reported_at, started_at)
					VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (clinic_id, treatment_id) DO UPDATE SET patient_id = excluded.patient_id,
					                                                   reported_at = excluded.reported_at,
					                                                   started_at = excluded.started_at
					""")
				.params(clinicId, treatmentId, patientId, Timestamp.from(latest.reportedAt()),
						Timestamp.from(latest.startedAt()))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM ongoing_headache WHERE clinic_id = ? AND treatment_id = ?")
				.params(clinicId, treatmentId)
				.update();
		}
	}

	/**
	 * R6's candidates after the given episode, in (clinic, treatment) order: the latest
	 * headache reported within the episode and begun before {@code startedBefore} (each
	 * clinic's own threshold is applied by the rule), not flagged at {@code top}, and not
	 * settled through its report.
	 */
	List<Candidate> candidates(Instant reportedAfter, Instant startedBefore, UUID afterClinic, UUID afterTreatment,
			Priority top, int batch) {
		return this.jdbc.sql("""
				SELECT h.clinic_id, h.patient_id, h.treatment_id FROM ongoing_headache h
				 WHERE h.reported_at > :since AND h.started_at < :startedBefore
				   AND (h.clinic_id, h.treatment_id) > (:afterClinic, :afterTreatment)
				   AND NOT EXISTS (SELECT 1 FROM flag f
				                    WHERE f.clinic_id = h.clinic_id AND f.treatment_id = h.treatment_id
				                      AND f.rule_code = :rule AND f.priority = :top)
				   AND NOT EXISTS (SELECT 1 FROM persistent_headache_settled s
				                    WHERE s.clinic_id = h.clinic_id AND s.treatment_id = h.treatment_id
				                      AND s.through >= h.reported_at)
				 ORDER BY h.clinic_id, h.treatment_id
				 LIMIT :batch
				""")
			.param("since", Timestamp.from(reportedAfter))
			.param("startedBefore", Timestamp.from(startedBefore))
			.param("afterClinic", afterClinic)
			.param("afterTreatment", afterTreatment)
			.param("rule", RuleCode.R6_PERSISTENT_HEADACHE.name())
			.param("top", top.name())
			.param("batch", batch)
			.query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.list();
	}

	/** An R6 candidate: an episode with a headache still going on. */
	record Candidate(UUID clinicId, UUID patientId, UUID treatmentId) {
	}

}
