package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submit that raises flags inserts the report, its flags and their evidence without
 * first selecting each new row by its id: saved through a Spring Data repository, an
 * entity with an id of its own and no version is merged, which reads it back by id before
 * the insert.
 */
@AftercareTest
@Import(SqlCapture.class)
class SubmitWritesOnlyTests {

	/** Hibernate's load of one row by primary key, as a merge issues it. */
	private static final Pattern SELECT_BY_ID = Pattern.compile(
			"select .* from (symptom_report|symptom_entry|flag|flag_evidence|flag_action) \\w+ where \\w+\\.id=\\?",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	@Autowired
	ReportService reports;

	@Autowired
	TestFixtures fixtures;

	@Test
	void aFlaggedSubmitInsertsItsRowsWithoutReadingThemFirst() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		// The worst headache of their life, started suddenly: R1, an EMERGENCY flag.
		NewEntry thunderclap = new NewEntry(Symptom.HEADACHE, null, 10, 3, Instant.now().minus(Duration.ofHours(2)),
				true, null, true, false, false, null);
		SqlCapture.start();
		this.reports
			.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(thunderclap), null));
		List<String> sql = SqlCapture.stop();
		assertThat(sql).anyMatch((s) -> s.startsWith("insert into symptom_report "))
			.anyMatch((s) -> s.startsWith("insert into flag "))
			.anyMatch((s) -> s.startsWith("insert into flag_evidence "));
		assertThat(sql).noneMatch((s) -> SELECT_BY_ID.matcher(s).find());
	}

}
