package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6's record of each episode's ongoing headache, which the clock's run reads instead of
 * the report module's tables: kept by triage as reports come in, and gone with an erased
 * patient.
 */
@AftercareTest
class OngoingHeadachesTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PatientFlags flags;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void followsTheEpisodesLatestHeadacheAndIgnoresReportsWithoutOne() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		Instant started = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

		submit(world, Symptom.HEADACHE, started, true);
		Instant reported = latestReport(world);
		assertThat(row(world)).as("an ongoing headache is recorded")
			.containsEntry("reported_at", reported)
			.containsEntry("started_at", started)
			.containsEntry("patient_id", world.patient().patientId());

		submit(world, Symptom.BRUISING, started, true);
		assertThat(row(world)).as("a report without a headache leaves it as it was")
			.containsEntry("reported_at", reported);

		submit(world, Symptom.HEADACHE, started, false);
		assertThat(row(world)).as("the latest headache stopped").isEmpty();

		submit(world, Symptom.HEADACHE, started.plus(Duration.ofHours(2)), true);
		assertThat(row(world)).as("a new ongoing headache")
			.containsEntry("reported_at", latestReport(world))
			.containsEntry("started_at", started.plus(Duration.ofHours(2)));
	}

	@Test
	void anErasedPatientsOngoingHeadachesGoAndOtherPatientsStay() {
		World erased = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		Instant started = Instant.now().minus(Duration.ofDays(1));
		submit(erased, Symptom.HEADACHE, started, true);
		submit(other, Symptom.HEADACHE, started, true);
		assertThat(row(erased)).isNotEmpty();

		ClinicScope.runInClinic(erased.clinic(), () -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.flags.erasePatient(erased.clinic(), erased.patientId(), List.of())));

		assertThat(row(erased)).isEmpty();
		assertThat(row(other)).isNotEmpty();
	}

	private void submit(World world, Symptom symptom, Instant started, boolean ongoing) {
		this.reports.submit(NewReport.of(
				world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(symptom, null, 3, null,
						started, ongoing, ongoing ? null : started.plus(Duration.ofHours(1)), null, null, null, null)),
				null));
	}

	private Map<String, Object> row(World world) {
		return this.jdbc.sql(
				"SELECT patient_id, reported_at, started_at FROM ongoing_headache WHERE clinic_id = ? AND treatment_id = ?")
			.params(world.clinicId(), world.treatmentId())
			.query((rs, n) -> Map.<String, Object>of("patient_id", rs.getObject(1, UUID.class), "reported_at",
					rs.getTimestamp(2).toInstant(), "started_at", rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(Map.of());
	}

	private Instant latestReport(World world) {
		return this.jdbc.sql("SELECT max(submitted_at) FROM symptom_report WHERE treatment_id = ?")
			.param(world.treatmentId())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
	}

}
