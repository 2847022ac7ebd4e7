package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What R6's record of ongoing headaches costs the benchmarked submit: one small statement
 * when the report has a headache, none otherwise.
 */
@AftercareTest
@Import(SqlCapture.class)
class HeadacheSubmitStatementsTests {

	@Autowired
	ReportService reports;

	@Autowired
	TestFixtures fixtures;

	@Test
	void aSubmitWithAHeadacheWritesOneStatementForR6AndOneWithoutWritesNone() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));

		assertThat(r6StatementsOfASubmit(world, Symptom.HEADACHE)).hasSize(1);
		assertThat(r6StatementsOfASubmit(world, Symptom.BRUISING)).isEmpty();
	}

	private List<String> r6StatementsOfASubmit(World world, Symptom symptom) {
		SqlCapture.start();
		this.reports.submit(
				NewReport.of(
						world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(symptom, null, 2,
								null, Instant.now().minus(Duration.ofHours(3)), true, null, null, null, null, null)),
						null));
		return SqlCapture.stop().stream().filter((sql) -> sql.contains("ongoing_headache")).toList();
	}

}
