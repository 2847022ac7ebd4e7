package org.aftercare.triage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open flags of a clinic, EMERGENCY first, then HIGH, then MEDIUM, oldest first
 * within a priority, as one bounded query with patient and treatment joined in.
 */
@Component
class FlagQueue {

	static final int LIMIT = 100;

	private final JdbcClient jdbc;

	FlagQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID flagId, UUID patientId, String patientName, String ruleCode, String priority, String status,
			boolean serious, List<String> symptoms, String evidence, Instant raisedAt, Instant treatedAt,
			String injector) {
	}

	@Transactional(readOnly = true)
	List<Row> open(UUID clinicId) {
		return this.jdbc.sql("""
				SELECT f.id, f.patient_id, p.given_name, p.family_name, f.rule_code, f.priority, f.status, f.serious,
				       f.symptoms, f.evidence, f.raised_at, t.treated_at, u.display_name AS injector
				  FROM flag f
				  JOIN patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
				  JOIN treatment t ON t.clinic_id = f.clinic_id AND t.id = f.treatment_id
				  JOIN user_account u ON u.clinic_id = t.clinic_id AND u.id = t.injector_id
				 WHERE f.clinic_id = :clinic AND f.status IN ('OPEN', 'ACKNOWLEDGED')
				 ORDER BY CASE f.priority WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, f.raised_at, f.id
				 LIMIT :limit
				""")
			.param("clinic", clinicId)
			.param("limit", LIMIT)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("given_name") + " " + rs.getString("family_name"), rs.getString("rule_code"),
					rs.getString("priority"), rs.getString("status"), rs.getBoolean("serious"),
					Arrays.asList(rs.getString("symptoms").split(",")), rs.getString("evidence"),
					instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("treated_at")),
					rs.getString("injector")))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
