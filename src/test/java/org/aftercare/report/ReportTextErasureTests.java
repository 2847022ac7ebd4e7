package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;

@AftercareTest
class ReportTextErasureTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	ReportErasure erasure;

	@Test
	void erasePatientRemovesThePatientsWordsAndKeepsTheScores() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(world);
		submit(other);

		assertThat(this.erasure.erasePatient(world.clinicId(), world.patient().patientId()))
			.as("the descriptions erased, which flags may quote")
			.containsExactly("tingling");

		ReportService.ReportView erased = this.reports.history(world.clinicId(), world.patient().patientId()).get(0);
		assertThat(erased.notes()).isNull();
		assertThat(erased.medicines()).isNull();
		assertThat(erased.otherCauses()).containsExactly(Confounder.STRESS);
		assertThat(erased.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.otherDescription()).isNull();
			assertThat(entry.severity()).isEqualTo(4);
		});
		ReportService.ReportView untouched = this.reports.history(other.clinicId(), other.patient().patientId()).get(0);
		assertThat(untouched.notes()).isEqualTo("notes");
		assertThat(untouched.entries().get(0).otherDescription()).isEqualTo("tingling");
	}

	private void submit(World world) {
		this.reports
			.submit(new ReportService.NewReport(world.clinicId(), world.patient().patientId(), UUID.randomUUID(),
					List.of(new ReportService.NewEntry(Symptom.OTHER, "tingling", 4, 1,
							Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
					Set.of(Confounder.STRESS), "paracetamol", null, false, false, "notes"));
	}

}
