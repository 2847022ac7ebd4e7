package org.aftercare.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics statement on a few thousand generated treatments and reports: it reaches
 * the clinic's treatments through an index and each episode's reports through another,
 * never by reading every report of every clinic.
 */
@AftercareTest
class AnalyticsQueryPlanTests {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsQueryPlanTests.class);

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AnalyticsQuery query;

	@Test
	void usesTheIndexesOnGeneratedData() {
		Instant now = Instant.now();
		World world = this.fixtures.world(now.minus(Duration.ofDays(400)));
		{
			this.jdbc.sql("""
					INSERT INTO treatment (id, clinic_id, patient_id, product, injector_id, treated_at, indication,
					                       intake_reviewed, created_at, version)
					SELECT gen_random_uuid(), :clinic, :patient,
					       (ARRAY['ONABOTULINUMTOXINA','ABOBOTULINUMTOXINA','INCOBOTULINUMTOXINA'])[1 + i % 3],
					       :injector, now() - (i % 365) * INTERVAL '1 day', 'COSMETIC', TRUE, now(), 0
					  FROM generate_series(1, 3000) i
					""")
				.param("clinic", world.clinicId())
				.param("patient", world.patient().patientId())
				.param("injector", world.clinician().accountId())
				.update();
			this.jdbc.sql("""
					INSERT INTO treatment_area (id, clinic_id, treatment_id, area, units)
					SELECT gen_random_uuid(), t.clinic_id, t.id, 'GLABELLAR_LINES', 10 + (random() * 50)::int
					  FROM treatment t WHERE t.clinic_id = :clinic
					""").param("clinic", world.clinicId()).update();
			this.jdbc.sql("""
					INSERT INTO symptom_report (id, clinic_id, patient_id, treatment_id, form_token, submitted_at,
					                            no_new_symptoms, version)
					SELECT gen_random_uuid(), t.clinic_id, t.patient_id, t.id, gen_random_uuid(),
					       t.treated_at + (d || ' days')::interval, d % 2 = 0, 0
					  FROM treatment t CROSS JOIN (VALUES (1), (3), (7)) AS days(d)
					 WHERE t.clinic_id = :clinic
					""").param("clinic", world.clinicId()).update();
			this.jdbc.sql("""
					INSERT INTO symptom_entry (id, clinic_id, report_id, symptom, severity, started_at, ongoing,
					                           pre_existing, position)
					SELECT gen_random_uuid(), r.clinic_id, r.id,
					       CASE WHEN random() < 0.1 THEN 'HEADACHE' ELSE 'BRUISING' END, 3,
					       r.submitted_at - INTERVAL '1 hour', TRUE, FALSE, 0
					  FROM symptom_report r WHERE r.clinic_id = :clinic AND NOT r.no_new_symptoms
					""").param("clinic", world.clinicId()).update();
			this.jdbc.sql("ANALYZE treatment, treatment_area, symptom_report, symptom_entry").update();
		}
		Instant from = now.minus(Duration.ofDays(365));
		for (AnalyticsDimension dimension : AnalyticsDimension.values()) {
			List<String> plan = this.jdbc.sql("EXPLAIN " + AnalyticsQuery.sql(dimension))
				.param("clinic", world.clinicId())
				.param("symptom", "HEADACHE")
				.param("from", from.atOffset(ZoneOffset.UTC))
				.param("to", now.atOffset(ZoneOffset.UTC))
				.query(String.class)
				.list();
			String text = String.join("\n", plan);
			logger.info("Analytics plan by {}:\n{}", dimension, text);
			assertThat(text).as(dimension + " plan").doesNotContain("Seq Scan on symptom_report");
			assertThat(text).as(dimension + " plan").doesNotContain("Seq Scan on symptom_entry");
		}
		List<AnalyticsQuery.Count> counts = this.query.counts(world.clinicId(), AnalyticsDimension.PRODUCT, "HEADACHE",
				from, now);
		assertThat(counts).filteredOn((c) -> c.key() == null)
			.singleElement()
			.satisfies((overall) -> assertThat(overall.treatments()).isBetween(2900L, 3000L));
	}

}
