package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.ClinicScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two reports of one episode at the same moment (a patient double-submitting) never fail:
 * the triage takes them one at a time, and a submit that still lost a race on a flag (a
 * clinician's action at the same moment) is saved again in a new transaction.
 */
@AftercareTest
class ReportSubmitRaceTests {

	@Autowired
	ReportService reports;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubmitThatLostAnOptimisticLockIsSavedOnceMore() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		ReportId saved = new ReportId(UUID.randomUUID());
		AtomicInteger calls = new AtomicInteger();
		ReportService racing = new ReportService(null, null, null, null, null, null) {
			@Override
			public ReportId submit(NewReport report) {
				if (calls.incrementAndGet() == 1) {
					throw new ObjectOptimisticLockingFailureException("flag", UUID.randomUUID());
				}
				return saved;
			}
		};
		UUID token = UUID.randomUUID();
		NewReport report = severeHeadache(world, token);
		assertThat(Submits.submitOnceMore(racing, world.clinic(), token, () -> racing.submit(report))).isEqualTo(saved);
		assertThat(calls).hasValue(2);
	}

	@Test
	void reportsOfOneEpisodeSubmittedAtTheSameMomentAreAllSaved() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		// An open flag on the episode first, so that every report below updates it.
		UUID first = UUID.randomUUID();
		this.reports.submit(severeHeadache(world, first));
		int n = 6;
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ReportId>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				UUID token = UUID.randomUUID();
				results.add(pool.submit(() -> {
					start.await();
					// As a signed-in patient's request would be: in their clinic
					// (row-level
					// security).
					NewReport report = severeHeadache(world, token);
					return ClinicScope.runInClinic(world.clinic(), () -> Submits.submitOnceMore(this.reports,
							world.clinic(), token, () -> this.reports.submit(report)));
				}));
			}
			start.countDown();
			for (Future<ReportId> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(Long.class)
			.single()).isEqualTo(n + 1);
	}

	private static NewReport severeHeadache(World world, UUID token) {
		return NewReport.of(world.clinic(), world.patientId(), token, List.of(new NewEntry(Symptom.HEADACHE, null, 7, 2,
				Instant.now().minus(Duration.ofHours(2)), true, null, false, false, false, null)), null);
	}

}
