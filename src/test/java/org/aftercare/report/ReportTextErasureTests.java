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
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

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

		assertThat(this.erasure.erasePatient(world.clinic(), world.patientId()))
			.as("the descriptions erased, which flags may quote")
			.containsExactly("tingling");

		ReportView erased = this.reports.history(world.clinic(), world.patientId()).get(0);
		assertThat(erased.notes()).isNull();
		assertThat(erased.medicines()).isNull();
		assertThat(erased.otherCauses()).containsExactly(Confounder.STRESS);
		assertThat(erased.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.otherDescription()).isNull();
			assertThat(entry.severity()).isEqualTo(4);
		});
		ReportView untouched = this.reports
			.history(new ClinicId(other.clinicId()), new PatientId(other.patient().patientId()))
			.get(0);
		assertThat(untouched.notes()).isEqualTo("notes");
		assertThat(untouched.entries().get(0).otherDescription()).isEqualTo("tingling");
	}

	private void submit(World world) {
		this.reports.submit(new NewReport(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(Symptom.OTHER, "tingling", 4, 1, Instant.now().minus(Duration.ofHours(2)), true,
						null, null, null, null, null)),
				Set.of(Confounder.STRESS), "paracetamol", null, false, false, "notes"));
	}

}
