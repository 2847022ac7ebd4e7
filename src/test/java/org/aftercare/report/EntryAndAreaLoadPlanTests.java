package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.PatientId;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's entries and a treatment's areas are loaded by Hibernate through their join
 * column alone (no clinic_id in the join): an index must serve that join, or every
 * patient history, flag page and submit reads the whole table (100 ms a request at
 * 2,000,000 reports). Not a timing: with sequential scans priced out, any sequential scan
 * left on those tables means no index can serve the statement.
 */
@AftercareTest
@Import(SqlCapture.class)
class EntryAndAreaLoadPlanTests {

	@Autowired
	ReportService reports;

	@Autowired
	TreatmentService treatments;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void historyEpisodeAndLatestTreatmentReachEntriesAndAreasThroughAnIndex() {
		otherClinicWithThousandsOfEntriesAndAreas();
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		UUID patient = world.patient().patientId();
		this.reports
			.submit(NewReport.of(
					world.clinic(), new PatientId(patient), UUID.randomUUID(), List.of(new NewEntry(Symptom.BRUISING,
							null, 2, 0, Instant.now().minus(Duration.ofHours(5)), true, null, null, null, null, null)),
					null));
		SqlCapture.start();
		assertThat(this.reports.history(world.clinic(), new PatientId(patient))).isNotEmpty();
		assertThat(this.reports.episode(world.clinic(), world.treatment())).isNotEmpty();
		assertThat(this.treatments.latestFor(world.clinic(), new PatientId(patient))).isPresent();
		List<String> loads = SqlCapture.stop()
			.stream()
			.filter((sql) -> sql.contains("join symptom_entry") || sql.contains("join treatment_area"))
			.toList();
		assertThat(loads).isNotEmpty();
		for (String sql : loads) {
			assertThat(genericPlan(sql)).as(sql)
				.doesNotContain("Seq Scan on symptom_entry")
				.doesNotContain("Seq Scan on treatment_area");
		}
	}

	/** The plan of a statement as prepared, whatever its parameters' values. */
	private String genericPlan(String sql) {
		return this.transactions.execute((status) -> {
			int parameters = (int) sql.chars().filter((c) -> c == '?').count();
			this.jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
			this.jdbc.sql("PREPARE plan_check AS " + numbered(sql)).update();
			String nulls = String.join(", ", Collections.nCopies(parameters, "NULL"));
			List<String> plan = this.jdbc.sql("EXPLAIN EXECUTE plan_check(" + nulls + ")").query(String.class).list();
			this.jdbc.sql("DEALLOCATE plan_check").update();
			return String.join("\n", plan);
		});
	}

	/**
	 * JDBC's ? placeholders as PostgreSQL's $1, $2 ... (Hibernate writes no ? in
	 * literals).
	 */
	private static String numbered(String sql) {
		StringBuilder out = new StringBuilder();
		int n = 0;
		for (char c : sql.toCharArray()) {
			if (c == '?') {
				out.append('$').append(++n);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** 2,000 treatments with an area each, and a report with an entry for each. */
	private void otherClinicWithThousandsOfEntriesAndAreas() {
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(30)));
		this.jdbc.sql("""
				INSERT INTO treatment (id, clinic_id, patient_id, product, injector_id, treated_at, indication,
				                       intake_reviewed, created_at, version)
				SELECT gen_random_uuid(), :clinic, :patient, 'ONABOTULINUMTOXINA', :injector,
				       now() - (i % 300) * INTERVAL '1 day' - INTERVAL '20 days', 'COSMETIC', TRUE, now(), 0
				  FROM generate_series(1, 2000) i
				""")
			.param("clinic", other.clinicId())
			.param("patient", other.patient().patientId())
			.param("injector", other.clinician().accountId())
			.update();
		this.jdbc.sql("""
				INSERT INTO treatment_area (id, clinic_id, treatment_id, area, units)
				SELECT gen_random_uuid(), t.clinic_id, t.id, 'GLABELLAR_LINES', 20
				  FROM treatment t WHERE t.clinic_id = :clinic
				""").param("clinic", other.clinicId()).update();
		this.jdbc.sql("""
				INSERT INTO symptom_report (id, clinic_id, patient_id, treatment_id, form_token, submitted_at,
				                            no_new_symptoms, version)
				SELECT gen_random_uuid(), t.clinic_id, t.patient_id, t.id, gen_random_uuid(),
				       t.treated_at + INTERVAL '1 day', FALSE, 0
				  FROM treatment t WHERE t.clinic_id = :clinic
				""").param("clinic", other.clinicId()).update();
		this.jdbc.sql("""
				INSERT INTO symptom_entry (id, clinic_id, report_id, symptom, severity, started_at, ongoing,
				                           pre_existing, position)
				SELECT gen_random_uuid(), r.clinic_id, r.id, 'BRUISING', 2, r.submitted_at - INTERVAL '1 hour', TRUE,
				       FALSE, 0
				  FROM symptom_report r WHERE r.clinic_id = :clinic
				""").param("clinic", other.clinicId()).update();
		this.jdbc.sql("ANALYZE treatment, treatment_area, symptom_report, symptom_entry").update();
	}

}
