package org.aftercare.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's page: every treatment with its areas and injector, and every flag, one
 * statement each whatever their number, from the read models
 * {@code read_model.patient_treatment} and {@code read_model.patient_flag}
 * (docs/modules.md).
 */
@Component
class PatientTimeline {

	/** Enough for years of treatments; more is shown as "latest only". */
	static final int LIMIT = 200;

	private final JdbcClient jdbc;

	PatientTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record AreaUnits(String area, String units) {
	}

	record TreatmentRow(UUID id, Instant treatedAt, String product, String lotNumber, String indication,
			String injector, List<AreaUnits> areas) {
	}

	record FlagRow(UUID id, UUID treatmentId, String ruleCode, String priority, String status, boolean serious,
			String evidence, Instant raisedAt, Instant resolvedAt) {
	}

	record Bounded<T>(List<T> rows, boolean more) {

		static <T> Bounded<T> of(List<T> rows) {
			return (rows.size() <= LIMIT) ? new Bounded<>(rows, false)
					: new Bounded<>(new ArrayList<>(rows.subList(0, LIMIT)), true);
		}

	}

	@Transactional(readOnly = true)
	Bounded<TreatmentRow> treatments(UUID clinicId, UUID patientId) {
		return Bounded.of(this.jdbc.sql("""
				SELECT t.id, t.treated_at, t.product, t.lot_number, t.indication, t.injector, t.areas
				  FROM read_model.patient_treatment t
				 WHERE t.clinic_id = :clinic AND t.patient_id = :patient
				 ORDER BY t.treated_at DESC, t.id DESC
				 LIMIT :limit
				""")
			.param("clinic", clinicId)
			.param("patient", patientId)
			.param("limit", LIMIT + 1)
			.query((rs, n) -> new TreatmentRow(rs.getObject("id", UUID.class), instant(rs.getTimestamp("treated_at")),
					rs.getString("product"), rs.getString("lot_number"), rs.getString("indication"),
					rs.getString("injector"), areas(rs.getString("areas"))))
			.list());
	}

	@Transactional(readOnly = true)
	Bounded<FlagRow> flags(UUID clinicId, UUID patientId) {
		return Bounded.of(this.jdbc.sql("""
				SELECT f.id, f.treatment_id, f.rule_code, f.priority, f.status, f.serious, f.evidence, f.raised_at,
				       f.resolved_at
				  FROM read_model.patient_flag f
				 WHERE f.clinic_id = :clinic AND f.patient_id = :patient
				 ORDER BY f.raised_at DESC, f.id DESC
				 LIMIT :limit
				""")
			.param("clinic", clinicId)
			.param("patient", patientId)
			.param("limit", LIMIT + 1)
			.query((rs, n) -> new FlagRow(rs.getObject("id", UUID.class), rs.getObject("treatment_id", UUID.class),
					rs.getString("rule_code"), rs.getString("priority"), rs.getString("status"),
					rs.getBoolean("serious"), rs.getString("evidence"), instant(rs.getTimestamp("raised_at")),
					instant(rs.getTimestamp("resolved_at"))))
			.list());
	}

	private static List<AreaUnits> areas(String joined) {
		if (joined == null) {
			return List.of();
		}
		List<AreaUnits> areas = new ArrayList<>();
		for (String pair : joined.split(",")) {
			int at = pair.indexOf('=');
			areas.add(new AreaUnits(pair.substring(0, at),
					new BigDecimal(pair.substring(at + 1)).stripTrailingZeros().toPlainString()));
		}
		return areas;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
