package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.ClinicId;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

@AftercareTest
class PatientLoginErasureTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	@Autowired
	InvitationRepository invitations;

	@Autowired
	UserAccountRepository userAccounts;

	@Test
	void erasedLoginIsDisabledNamelessAndItsInvitationsStopWorking() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "invited-" + UUID.randomUUID() + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(world.clinic(),
					new Intake("In", "Vited", LocalDate.of(1990, 2, 3), email, null, false, false, null, false, false,
							false, false, false, false, false, false, false, null, null))
			.value();
		UUID accountId = this.accounts.invite(world.clinic(), email, "In Vited", Role.PATIENT, patientId).value();

		assertThat(this.accounts.erasePatientLogin(world.clinic(), patientId)).contains(email);

		UserAccount account = this.userAccounts.findByIdAndClinicId(accountId, world.clinicId()).orElseThrow();
		assertThat(account.enabled()).isFalse();
		assertThat(account.passwordHash()).isNull();
		assertThat(account.email()).isEqualTo("erased-" + patientId + "@invalid");
		assertThat(account.displayName()).isEqualTo("Erased Patient");
		assertThat(this.invitations.findByClinicIdAndAccountId(world.clinicId(), accountId))
			.allSatisfy((invitation) -> assertThat(invitation.state(Instant.now().plusSeconds(1)))
				.isNotEqualTo(Invitation.State.VALID));
		assertThat(this.accounts.emailTaken(email)).as("the address is free again").isFalse();
	}

	@Test
	void erasePatientLoginIsScopedToTheClinic() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		assertThat(this.accounts.erasePatientLogin(new ClinicId(other.clinicId()), world.patient().patientId()))
			.isEmpty();
		assertThat(this.accounts.emailTaken(world.patientEmail())).isTrue();
	}

}
