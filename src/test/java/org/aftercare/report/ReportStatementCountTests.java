package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submit path runs the same few SQL statements however many reports came before: no
 * N+1 on the hot write path.
 */
@AftercareTest
class ReportStatementCountTests {

	/** Generous for what triage adds later; the point is that it does not grow. */
	private static final long AT_MOST = 15;

	@Autowired
	ReportService reports;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	Statistics statistics;

	@BeforeEach
	void enableStatistics() {
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.statistics.setStatisticsEnabled(true);
	}

	@AfterEach
	void disableStatistics() {
		this.statistics.setStatisticsEnabled(false);
	}

	@Test
	void submitRunsAFixedNumberOfStatementsWhateverTheNumberOfEarlierReports() {
		long afterOne = statementsForASubmitAfter(1);
		long afterThirty = statementsForASubmitAfter(30);
		assertThat(afterThirty).isEqualTo(afterOne);
		assertThat(afterOne).isBetween(1L, AT_MOST);
	}

	private long statementsForASubmitAfter(int earlier) {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		for (int i = 0; i < earlier; i++) {
			this.reports.submit(report(world, Symptom.values()[i % 5], null));
		}
		UUID lastEntry = this.reports.history(world.clinic(), world.patientId()).get(0).entries().get(0).id();
		this.statistics.clear();
		this.reports.submit(new NewReport(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(entry(Symptom.HEADACHE, null), entry(Symptom.BRUISING, null), entry(Symptom.NAUSEA, lastEntry)),
				java.util.Set.of(Confounder.STRESS), "paracetamol", MedicinesHelped.YES, false, false, "notes"));
		return this.statistics.getPrepareStatementCount();
	}

	private static NewReport report(World world, Symptom symptom, UUID updates) {
		return NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(entry(symptom, updates)),
				null);
	}

	private static NewEntry entry(Symptom symptom, UUID updates) {
		boolean headache = symptom == Symptom.HEADACHE;
		return new NewEntry(symptom, null, 4, 1, Instant.now().minus(Duration.ofHours(5)), true, null,
				headache ? false : null, headache ? false : null, headache ? false : null, updates);
	}

}
