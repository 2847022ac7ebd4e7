package org.aftercare.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidence counts in one statement: each treatment of the period is tested once for an
 * answered check-in and for the symptom within 14 days (two semi-joins on the episode's
 * reports), then grouped by the dimension in the database. The row with a null key is the
 * clinic as a whole, counted from the treatments themselves so that a treatment in two
 * areas still counts once there. It reads the read models {@code read_model.analytics_*}
 * (docs/modules.md).
 */
@Component
class AnalyticsQuery {

	private static final String SQL = """
			WITH episode AS MATERIALIZED (
			  SELECT t.id, t.product, t.injector_id,
			         EXISTS (SELECT 1 FROM read_model.analytics_report r
			                  WHERE r.clinic_id = t.clinic_id AND r.treatment_id = t.id
			                    AND r.submitted_at >= t.treated_at
			                    AND r.submitted_at <= t.treated_at + INTERVAL '14 days') AS answered,
			         EXISTS (SELECT 1 FROM read_model.analytics_symptom s
			                  WHERE s.clinic_id = t.clinic_id AND s.treatment_id = t.id
			                    AND s.symptom = :symptom AND NOT s.pre_existing
			                    AND s.started_at >= t.treated_at
			                    AND s.started_at <= t.treated_at + INTERVAL '14 days') AS with_symptom
			    FROM read_model.analytics_treatment t
			   WHERE t.clinic_id = :clinic AND t.treated_at >= :from AND t.treated_at < :to
			), keyed AS (
			%s)
			SELECT group_key, group_name,
			       count(*) FILTER (WHERE answered) AS treatments,
			       count(*) FILTER (WHERE answered AND with_symptom) AS with_symptom
			  FROM keyed
			 GROUP BY group_key, group_name
			UNION ALL
			SELECT NULL, NULL,
			       count(*) FILTER (WHERE answered),
			       count(*) FILTER (WHERE answered AND with_symptom)
			  FROM episode
			""";

	private final JdbcClient jdbc;

	AnalyticsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One group's counts; {@code key} null for the clinic overall. */
	record Count(String key, String name, long treatments, long withSymptom) {
	}

	static String sql(AnalyticsDimension dimension) {
		return SQL.formatted(dimension.keyedSql());
	}

	/**
	 * Treatments from {@code from} (inclusive) to {@code to} (exclusive). In a read-only
	 * transaction of its own when the caller has none (a cache miss of
	 * {@link Analytics}): row-level security shows a statement outside a transaction no
	 * clinic's rows.
	 */
	@Transactional(readOnly = true)
	List<Count> counts(UUID clinicId, AnalyticsDimension dimension, String symptom, Instant from, Instant to) {
		return this.jdbc.sql(sql(dimension))
			.param("clinic", clinicId)
			.param("symptom", symptom)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Count(rs.getString("group_key"), rs.getString("group_name"), rs.getLong("treatments"),
					rs.getLong("with_symptom")))
			.list();
	}

}
