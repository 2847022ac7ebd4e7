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
 * The clinic's reports, newest first, from the read model {@code read_model.report_list}
 * (patient and treatment joined in, symptoms aggregated; docs/modules.md),
 * keyset-paginated on (submitted_at, id) so that a deep page costs what the first one
 * does.
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
				SELECT r.id, r.submitted_at, r.patient_id, r.given_name, r.family_name, r.product, r.treated_at,
				       r.no_new_symptoms, r.symptoms, r.max_severity
				  FROM read_model.report_list r
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
