package org.aftercare.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clock-driven rules (R6 for headaches still going on, R13 no reply), run by moving
 * the application's clock.
 */
@AftercareTest
@RecordApplicationEvents
class TriageJobsTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	TriageJobs jobs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
		this.jobs.persistentHeadacheBatch(TriageJobs.PERSISTENT_HEADACHE_BATCH);
	}

	@Test
	void unacknowledgedEmergencyFlagEscalatesAfterFifteenMinutesOnly() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(world, Symptom.TROUBLE_BREATHING, 5, Instant.now().minus(Duration.ofHours(1)));
		UUID flag = flagId(world, "R1_DISTANT_SPREAD");

		this.clock.advance(Duration.ofMinutes(14));
		this.jobs.escalateUnanswered();
		assertThat(escalatedAt(flag)).as("within the 15-minute target").isNull();

		this.clock.advance(Duration.ofMinutes(2));
		this.jobs.escalateUnanswered();
		assertThat(escalatedAt(flag)).as("past the target").isNotNull();
		assertThat(this.events.stream(FlagEscalated.class).filter((e) -> e.flagId().value().equals(flag)))
			.singleElement()
			.satisfies((e) -> assertThat(e.to()).isEqualTo(Priority.EMERGENCY));

		this.jobs.escalateUnanswered();
		assertThat(this.events.stream(FlagEscalated.class).filter((e) -> e.flagId().value().equals(flag)))
			.as("re-alerts once per target period, not on every run")
			.hasSize(1);
	}

	@Test
	void unacknowledgedHighFlagBecomesEmergencyAfterFourHours() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(world, Symptom.INFECTION_SIGNS, 5, Instant.now().minus(Duration.ofHours(1)));
		UUID flag = flagId(world, "R10_INFECTION");
		this.clock.advance(Duration.ofHours(4).minusMinutes(1));
		this.jobs.escalateUnanswered();
		assertThat(priority(flag)).isEqualTo("HIGH");
		this.clock.advance(Duration.ofMinutes(2));
		this.jobs.escalateUnanswered();
		assertThat(priority(flag)).isEqualTo("EMERGENCY");
	}

	@Test
	void ongoingHeadacheBecomesPersistentWithTimeAndFiresOncePerLevel() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofHours(3)));
		submit(world, Symptom.HEADACHE, 2, Instant.now().minus(Duration.ofHours(2)));
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).isEmpty();

		this.clock.advance(Duration.ofDays(3).plusHours(1));
		this.jobs.flagPersistentHeadaches();
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).containsExactly("MEDIUM");
		this.jobs.flagPersistentHeadaches();
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).as("fire once").containsExactly("MEDIUM");

		this.clock.advance(Duration.ofDays(4));
		this.jobs.flagPersistentHeadaches();
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).as("over 7 days: the same flag goes up")
			.containsExactly("HIGH");
	}

	@Test
	void headacheThatStoppedIsNotFlaggedByTheClock() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofHours(5)));
		Instant started = Instant.now().minus(Duration.ofHours(4));
		this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.HEADACHE, null,
							2, null, started, false, started.plus(Duration.ofHours(2)), null, null, null, null)),
					null));
		this.clock.advance(Duration.ofDays(5));
		this.jobs.flagPersistentHeadaches();
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).isEmpty();
	}

	/**
	 * R6: with more candidate episodes than one run takes, each run goes on where the
	 * last one stopped, so every persistent headache is flagged within two passes over
	 * the candidates, not only those of the first batch.
	 */
	@Test
	void everyPersistentHeadacheIsFlaggedWhenThereAreMoreThanOneRunTakes() {
		int batch = 2;
		this.jobs.persistentHeadacheBatch(batch);
		List<World> worlds = IntStream.range(0, 7)
			.mapToObj((i) -> this.fixtures.world(Instant.now().minus(Duration.ofHours(3))))
			.toList();
		worlds.forEach((world) -> submit(world, Symptom.HEADACHE, 2, Instant.now().minus(Duration.ofHours(2))));
		this.clock.advance(Duration.ofDays(3).plusHours(1));

		int passes = 2 * ceilDiv(episodesWithAnOngoingHeadache(), batch) + 2;
		for (int run = 0; run < passes && !worlds.stream().allMatch(this::hasPersistentHeadacheFlag); run++) {
			examinePersistentHeadaches();
		}
		assertThat(worlds).allSatisfy((world) -> assertThat(flags(world, "R6_PERSISTENT_HEADACHE"))
			.as("every episode examined within two passes")
			.containsExactly("MEDIUM"));
	}

	/**
	 * R6: an episode already flagged at EMERGENCY, the top of the scale, cannot be raised
	 * again, so a run no longer spends its batch on it; an episode flagged HIGH by its
	 * report is examined by the next run (which then settles it when R11 cannot raise it:
	 * see the next test).
	 */
	@Test
	void episodesFlaggedAtTheTopLevelAreNoLongerExamined() {
		this.jobs.persistentHeadacheBatch(100_000);
		this.clock.advance(Duration.ofDays(8));
		// Twice the whole way (a new batch starts from the first candidate): the first
		// run flags every episode already in the database as high as it goes, the
		// second counts the candidates left.
		examinePersistentHeadaches();
		int before = examinePersistentHeadaches();

		// Submitted 8 days into a headache: the report itself raises R6 HIGH, and R11 one
		// level up for hypertension.
		List<World> topLevel = IntStream.range(0, 3)
			.mapToObj((i) -> this.fixtures.world(Instant.now().minus(Duration.ofHours(3)), true, false))
			.toList();
		topLevel.forEach((world) -> submit(world, Symptom.HEADACHE, 2, Instant.now().minus(Duration.ofHours(2))));
		World high = this.fixtures.world(Instant.now().minus(Duration.ofHours(3)));
		submit(high, Symptom.HEADACHE, 2, Instant.now().minus(Duration.ofHours(2)));
		assertThat(topLevel)
			.allSatisfy((world) -> assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).containsExactly("EMERGENCY"));
		assertThat(flags(high, "R6_PERSISTENT_HEADACHE")).containsExactly("HIGH");

		assertThat(examinePersistentHeadaches()).as("only the episode flagged HIGH joins the candidates")
			.isEqualTo(before + 1);
		assertThat(topLevel)
			.allSatisfy((world) -> assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).containsExactly("EMERGENCY"));
		assertThat(flags(high, "R6_PERSISTENT_HEADACHE")).as("fire once").containsExactly("HIGH");
	}

	/**
	 * R6: an episode flagged as high as R6 can ever take it is settled, and later runs
	 * leave it out until the patient reports a headache again; with R11's raise still to
	 * come (hypertension: HIGH can become EMERGENCY), a HIGH flag does not settle it.
	 */
	@Test
	void episodesFlaggedAsHighAsR6CanGoAreLeftOutUntilTheNextHeadacheReport() {
		this.jobs.persistentHeadacheBatch(100_000);
		Instant started = Instant.now().minus(Duration.ofHours(2));
		World plain = this.fixtures.world(Instant.now().minus(Duration.ofHours(3)));
		submit(plain, Symptom.HEADACHE, 2, started);
		World hypertensive = this.fixtures.world(Instant.now().minus(Duration.ofHours(3)), true, false);
		submit(hypertensive, Symptom.HEADACHE, 2, started);

		this.clock.advance(Duration.ofDays(3).plusHours(1));
		examinePersistentHeadaches();
		assertThat(flags(plain, "R6_PERSISTENT_HEADACHE")).containsExactly("MEDIUM");
		assertThat(flags(hypertensive, "R6_PERSISTENT_HEADACHE")).containsExactly("HIGH");
		assertThat(settledThrough(plain)).as("MEDIUM can still become HIGH").isNull();
		assertThat(settledThrough(hypertensive)).as("HIGH can still become EMERGENCY (R11)").isNull();

		this.clock.advance(Duration.ofDays(4));
		examinePersistentHeadaches();
		assertThat(flags(plain, "R6_PERSISTENT_HEADACHE")).containsExactly("HIGH");
		assertThat(flags(hypertensive, "R6_PERSISTENT_HEADACHE")).containsExactly("EMERGENCY");
		Instant reported = latestReport(plain);
		assertThat(settledThrough(plain)).isEqualTo(reported);
		int settled = examinePersistentHeadaches();
		assertThat(examinePersistentHeadaches()).as("the settled episode stays out").isEqualTo(settled);

		// The patient reports the same headache again: a candidate once more, then
		// settled through the new report.
		submit(plain, Symptom.HEADACHE, 3, started);
		assertThat(latestReport(plain)).isAfter(reported);
		assertThat(examinePersistentHeadaches()).as("examined again after the new report").isEqualTo(settled + 1);
		assertThat(settledThrough(plain)).isEqualTo(latestReport(plain));
		assertThat(examinePersistentHeadaches()).isEqualTo(settled);
		assertThat(flags(plain, "R6_PERSISTENT_HEADACHE")).as("fire once").containsExactly("HIGH");
	}

	private Instant settledThrough(World world) {
		return this.jdbc.sql("SELECT through FROM persistent_headache_settled WHERE treatment_id = ?")
			.param(world.treatmentId())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	private Instant latestReport(World world) {
		return this.jdbc.sql("SELECT max(submitted_at) FROM symptom_report WHERE treatment_id = ?")
			.param(world.treatmentId())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	@Test
	void jobsDoNothingWhileAnotherInstanceHoldsTheirLock() throws Exception {
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, TriageJobs.NO_REPLY_LOCK);
				lock.execute();
			}
			assertThat(this.jobs.escalateUnanswered()).isEqualTo(-1);
			other.rollback();
		}
		assertThat(this.jobs.escalateUnanswered()).isGreaterThanOrEqualTo(0);
	}

	private void submit(World world, Symptom symptom, int severity, Instant started) {
		this.reports.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(symptom, null, severity, null, started, true, null, null, null, null, null)),
				null));
	}

	/**
	 * One R6 run; should the scheduled run hold the job's lock at that moment, the next
	 * one.
	 */
	private int examinePersistentHeadaches() {
		return await().atMost(Duration.ofSeconds(30))
			.until(this.jobs::flagPersistentHeadaches, (examined) -> examined >= 0);
	}

	/** At least as many as R6's candidates, from every test that shares the database. */
	private int episodesWithAnOngoingHeadache() {
		return this.jdbc.sql("""
				SELECT count(DISTINCT (r.clinic_id, r.treatment_id))
				  FROM symptom_entry e
				  JOIN symptom_report r ON r.clinic_id = e.clinic_id AND r.id = e.report_id
				 WHERE e.symptom = 'HEADACHE' AND e.ongoing""").query(Integer.class).single();
	}

	private boolean hasPersistentHeadacheFlag(World world) {
		return !flags(world, "R6_PERSISTENT_HEADACHE").isEmpty();
	}

	private static int ceilDiv(int dividend, int divisor) {
		return (dividend + divisor - 1) / divisor;
	}

	private UUID flagId(World world, String rule) {
		return this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND rule_code = ?")
			.params(world.clinicId(), rule)
			.query(UUID.class)
			.single();
	}

	private List<String> flags(World world, String rule) {
		return this.jdbc.sql("SELECT priority FROM flag WHERE clinic_id = ? AND rule_code = ?")
			.params(world.clinicId(), rule)
			.query(String.class)
			.list();
	}

	private Instant escalatedAt(UUID flag) {
		return this.jdbc.sql("SELECT escalated_at FROM flag WHERE id = ?")
			.param(flag)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private String priority(UUID flag) {
		return this.jdbc.sql("SELECT priority FROM flag WHERE id = ?").param(flag).query(String.class).single();
	}

}
