package org.aftercare.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of one flag's page: the flag, every flag of its episode, its evidence
 * history and its review history with the names of who acted (the read models
 * {@code read_model.flag_page} and {@code read_model.flag_page_action}, docs/modules.md).
 * A fixed number of statements whatever the history's length.
 */
@Component
class FlagPage {

	private final JdbcClient jdbc;

	FlagPage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record FlagRow(UUID id, long version, UUID patientId, UUID treatmentId, String ruleCode, String priority,
			String status, boolean serious, boolean mayHaveOtherCause, List<String> symptoms, String evidence,
			String source, String otherCauses, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy,
			Instant followUpRequestedAt, Instant resolvedAt, String outcome, String causality, String seriousness,
			String seriousnessCriteria, String resolutionNote) {

		public boolean isResolved() {
			return "RESOLVED".equals(this.status);
		}

	}

	record ActionRow(Instant at, String actor, String action, String detail) {
	}

	record EvidenceRow(Instant at, String priority, String evidence) {
	}

	private static final String FLAG_COLUMNS = """
			SELECT f.id, f.version, f.patient_id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious,
			       f.may_have_other_cause, f.symptoms, f.evidence, f.source, f.other_causes, f.raised_at,
			       f.acknowledged_at, f.acknowledged_by_name, f.follow_up_requested_at, f.resolved_at, f.outcome,
			       f.causality, f.seriousness, f.seriousness_criteria, f.resolution_note
			  FROM read_model.flag_page f
			""";

	@Transactional(readOnly = true)
	Optional<FlagRow> flag(UUID clinicId, UUID flagId) {
		return this.jdbc.sql(FLAG_COLUMNS + " WHERE f.clinic_id = :clinic AND f.id = :id")
			.param("clinic", clinicId)
			.param("id", flagId)
			.query(FlagPage::flagRow)
			.optional();
	}

	@Transactional(readOnly = true)
	List<FlagRow> episodeFlags(UUID clinicId, UUID treatmentId) {
		return this.jdbc.sql(FLAG_COLUMNS + """
				 WHERE f.clinic_id = :clinic AND f.treatment_id = :treatment
				 ORDER BY CASE f.priority WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, f.raised_at
				""").param("clinic", clinicId).param("treatment", treatmentId).query(FlagPage::flagRow).list();
	}

	@Transactional(readOnly = true)
	List<ActionRow> actions(UUID clinicId, UUID flagId) {
		return this.jdbc.sql("""
				SELECT x.occurred_at, x.actor, x.action, x.detail
				  FROM read_model.flag_page_action x
				 WHERE x.clinic_id = :clinic AND x.flag_id = :flag
				 ORDER BY x.occurred_at, x.id
				""")
			.param("clinic", clinicId)
			.param("flag", flagId)
			.query((rs, n) -> new ActionRow(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	@Transactional(readOnly = true)
	List<EvidenceRow> evidence(UUID clinicId, UUID flagId) {
		return this.jdbc.sql("""
				SELECT recorded_at, priority, evidence FROM flag_evidence
				 WHERE clinic_id = :clinic AND flag_id = :flag ORDER BY recorded_at, id
				""")
			.param("clinic", clinicId)
			.param("flag", flagId)
			.query((rs, n) -> new EvidenceRow(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static FlagRow flagRow(ResultSet rs, int n) throws SQLException {
		return new FlagRow(rs.getObject("id", UUID.class), rs.getLong("version"),
				rs.getObject("patient_id", UUID.class), rs.getObject("treatment_id", UUID.class),
				rs.getString("rule_code"), rs.getString("priority"), rs.getString("status"), rs.getBoolean("serious"),
				rs.getBoolean("may_have_other_cause"), List.of(rs.getString("symptoms").split(",")),
				rs.getString("evidence"), rs.getString("source"), rs.getString("other_causes"),
				instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("acknowledged_at")),
				rs.getString("acknowledged_by_name"), instant(rs.getTimestamp("follow_up_requested_at")),
				instant(rs.getTimestamp("resolved_at")), rs.getString("outcome"), rs.getString("causality"),
				rs.getString("seriousness"), rs.getString("seriousness_criteria"), rs.getString("resolution_note"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
