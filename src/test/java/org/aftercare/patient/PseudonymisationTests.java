package org.aftercare.patient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.ClinicId;

import static org.assertj.core.api.Assertions.assertThat;

@AftercareTest
class PseudonymisationTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	@Test
	void pseudonymiseKeepsTheBirthYearAndRiskFactorsOnly() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)), true, false);
		assertThat(this.patients.pseudonymise(world.clinic(), world.patientId())).isTrue();
		Intake intake = this.patients.find(world.clinic(), world.patientId()).orElseThrow().intake();
		assertThat(intake.givenName()).isEqualTo("Erased");
		assertThat(intake.familyName()).isEqualTo("Patient");
		assertThat(intake.email()).isEqualTo("erased-" + world.patient().patientId() + "@invalid");
		assertThat(intake.dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(intake.hypertension()).isTrue();
	}

	@Test
	void pseudonymiseNeverReachesAnotherClinicsPatient() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		assertThat(this.patients.pseudonymise(new ClinicId(other.clinicId()), world.patientId())).isFalse();
		assertThat(this.patients.find(world.clinic(), world.patientId()).orElseThrow().fullName())
			.isEqualTo(world.patient().displayName());
	}

}
