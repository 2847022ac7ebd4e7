package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's searches on a few thousand generated patients and flags: a page of a search
 * after a cursor walks the clinic's index in order, never a scan and sort of the clinic's
 * rows (statements of the shape the patient and triage modules send).
 */
@AftercareTest
class FhirSearchPlanTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPageAfterACursorReadsTheIndexInOrder() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(30)));
		this.jdbc.sql("""
				INSERT INTO patient (id, clinic_id, given_name, family_name, date_of_birth, email, created_at, version)
				SELECT gen_random_uuid(), :clinic, 'Gen', 'Erated' || i, DATE '1980-01-01',
				       'gen' || i || '-' || gen_random_uuid() || '@test.aftercare', now() - i * INTERVAL '1 minute', 0
				  FROM generate_series(1, 4000) i
				""").param("clinic", world.clinicId()).update();
		this.jdbc.sql("""
				INSERT INTO flag (id, clinic_id, patient_id, treatment_id, rule_code, priority, status, serious,
				                  may_have_other_cause, symptoms, evidence, source, raised_at, last_raised_at,
				                  last_action_at, version)
				SELECT gen_random_uuid(), :clinic, :patient, :treatment, 'R' || i, 'MEDIUM', 'RESOLVED', false, false,
				       'HEADACHE', 'generated', 'generated', now() - i * INTERVAL '1 minute',
				       now() - i * INTERVAL '1 minute', CASE WHEN i % 3 = 0 THEN now() END, 0
				  FROM generate_series(1, 4000) i
				""")
			.param("clinic", world.clinicId())
			.param("patient", world.patient().patientId())
			.param("treatment", world.treatmentId())
			.update();
		this.jdbc.sql("ANALYZE patient, flag").update();
		Instant at = Instant.now().minus(Duration.ofDays(1));
		UUID id = UUID.randomUUID();
		assertThat(plan("""
				SELECT id FROM patient WHERE clinic_id = :clinic AND (created_at, id) > (:at, :id)
				 ORDER BY created_at, id LIMIT 51""", world, at, id)).contains("patient_clinic_created_idx")
			.doesNotContain("Sort")
			.doesNotContain("Seq Scan");
		assertThat(plan("""
				SELECT id FROM flag WHERE clinic_id = :clinic
				   AND (GREATEST(last_raised_at, last_action_at), id) > (:at, :id)
				 ORDER BY GREATEST(last_raised_at, last_action_at), id LIMIT 51""", world, at, id))
			.contains("flag_clinic_last_updated_idx")
			.doesNotContain("Sort")
			.doesNotContain("Seq Scan");
	}

	private String plan(String sql, World world, Instant at, UUID id) {
		List<String> lines = this.jdbc.sql("EXPLAIN " + sql)
			.param("clinic", world.clinicId())
			.param("at", java.sql.Timestamp.from(at))
			.param("id", id)
			.query(String.class)
			.list();
		return String.join("\n", lines);
	}

}
