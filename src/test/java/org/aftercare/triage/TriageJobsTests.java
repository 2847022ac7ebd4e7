package org.aftercare.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(this.events.stream(FlagEscalated.class).filter((e) -> e.flagId().equals(flag))).singleElement()
			.satisfies((e) -> assertThat(e.to()).isEqualTo(Priority.EMERGENCY));

		this.jobs.escalateUnanswered();
		assertThat(this.events.stream(FlagEscalated.class).filter((e) -> e.flagId().equals(flag)))
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
		this.reports.submit(ReportService.NewReport.of(world.clinicId(), world.patient().patientId(), UUID.randomUUID(),
				List.of(new ReportService.NewEntry(Symptom.HEADACHE, null, 2, null, started, false,
						started.plus(Duration.ofHours(2)), null, null, null, null)),
				null));
		this.clock.advance(Duration.ofDays(5));
		this.jobs.flagPersistentHeadaches();
		assertThat(flags(world, "R6_PERSISTENT_HEADACHE")).isEmpty();
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
		this.reports.submit(ReportService.NewReport.of(world.clinicId(), world.patient().patientId(), UUID.randomUUID(),
				List.of(new ReportService.NewEntry(symptom, null, severity, null, started, true, null, null, null, null,
						null)),
				null));
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
