package org.aftercare.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's reports, newest first, as one read-model query: patient and treatment
 * joined in, symptoms aggregated, keyset-paginated on (submitted_at, id) so that a deep
 * page costs what the first one does.
 */
@Component
class ClinicReportList {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	ClinicReportList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID reportId, Instant submittedAt, UUID patientId, String patientName, String product,
			Instant treatedAt, boolean noNewSymptoms, List<String> symptoms, Integer maxSeverity) {
	}

	/** A page and the cursor of the next one ({@code null} on the last page). */
	record Page(List<Row> rows, Cursor next) {
	}

	record Cursor(Instant submittedAt, UUID id) {
	}

	@Transactional(readOnly = true)
	Page page(UUID clinicId, Cursor after) {
		List<Row> rows = this.jdbc.sql("""
				SELECT r.id, r.submitted_at, r.patient_id, p.given_name, p.family_name, t.product, t.treated_at,
				       r.no_new_symptoms,
				       (SELECT string_agg(e.symptom, ',' ORDER BY e.position) FROM symptom_entry e
				         WHERE e.clinic_id = r.clinic_id AND e.report_id = r.id) AS symptoms,
				       (SELECT max(e.severity) FROM symptom_entry e
				         WHERE e.clinic_id = r.clinic_id AND e.report_id = r.id) AS max_severity
				  FROM symptom_report r
				  JOIN patient p ON p.clinic_id = r.clinic_id AND p.id = r.patient_id
				  JOIN treatment t ON t.clinic_id = r.clinic_id AND t.id = r.treatment_id
				 WHERE r.clinic_id = :clinic
				   AND (CAST(:afterTime AS timestamptz) IS NULL OR (r.submitted_at, r.id) < (:afterTime, :afterId))
				 ORDER BY r.submitted_at DESC, r.id DESC
				 LIMIT :limit
				""")
			.param("clinic", clinicId)
			.param("afterTime", after == null ? null : Timestamp.from(after.submittedAt()))
			.param("afterId", after == null ? null : after.id())
			.param("limit", PAGE_SIZE + 1)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("submitted_at").toInstant(),
					rs.getObject("patient_id", UUID.class),
					rs.getString("given_name") + " " + rs.getString("family_name"), rs.getString("product"),
					rs.getTimestamp("treated_at").toInstant(), rs.getBoolean("no_new_symptoms"),
					symptoms(rs.getString("symptoms")), (Integer) rs.getObject("max_severity", Integer.class)))
			.list();
		if (rows.size() <= PAGE_SIZE) {
			return new Page(rows, null);
		}
		Row last = rows.get(PAGE_SIZE - 1);
		return new Page(rows.subList(0, PAGE_SIZE), new Cursor(last.submittedAt(), last.reportId()));
	}

	private static List<String> symptoms(String joined) {
		return joined == null ? List.of() : Arrays.asList(joined.split(","));
	}

}
