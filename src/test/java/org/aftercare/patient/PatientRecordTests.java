package org.aftercare.patient;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.ClinicId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's record as the flag page and the triage read it (a plain query since issue
 * 8): every intake answer comes back in its own place, and only within the patient's own
 * clinic.
 */
@AftercareTest
class PatientRecordTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	/**
	 * One patient per yes/no question of the intake, each answering yes to that one only:
	 * two answers read into each other's place would show.
	 */
	@Test
	void everyIntakeAnswerIsReadBackInItsOwnPlace() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		RecordComponent[] components = Intake.class.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		int questions = 0;
		for (int yes = 0; yes < components.length; yes++) {
			if (components[yes].getType() != boolean.class) {
				continue;
			}
			questions++;
			Object[] answers = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				answers[i] = switch (components[i].getName()) {
					case "givenName" -> "Given" + yes;
					case "familyName" -> "Family" + yes;
					case "dateOfBirth" -> LocalDate.of(1960 + yes, 1 + yes % 12, 1 + yes);
					case "email" -> "record-" + yes + "-" + UUID.randomUUID() + "@test.aftercare";
					case "phone" -> "+44 7700 900" + (100 + yes);
					case "baselineHeadacheDays" -> yes;
					case "currentMedicines" -> "medicine " + yes;
					case "concerns" -> "concern " + yes;
					default -> i == yes;
				};
			}
			Intake intake = Intake.class.getDeclaredConstructor(types).newInstance(answers);
			UUID id = this.patients.enrol(world.clinic(), intake).value();
			PatientSummary read = this.patients.find(world.clinic(), new PatientId(id)).orElseThrow();
			assertThat(read.id().value()).isEqualTo(id);
			assertThat(read.clinicId().value()).isEqualTo(world.clinicId());
			assertThat(read.intake()).isEqualTo(intake);
		}
		assertThat(questions).isGreaterThanOrEqualTo(11);
	}

	@Test
	void anotherClinicsPatientIsNotFound() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID patient = world.patient().patientId();
		assertThat(this.patients.find(world.clinic(), new PatientId(patient))).isPresent();
		assertThat(this.patients.find(new ClinicId(other.clinicId()), new PatientId(patient))).isEmpty();
	}

}
