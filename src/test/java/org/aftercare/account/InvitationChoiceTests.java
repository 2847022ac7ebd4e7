package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The invitation's choice of how to sign in: a patient may set a password or have none
 * and sign in with e-mailed links; staff always set a password.
 */
@AftercareTest
class InvitationChoiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	private final JdbcClient owner = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());

	@Test
	void aPatientChoosesNoPasswordIsSignedInAndLaterSignsInWithAnEmailedLink() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Invited invited = invitePatient(world);

		SignInBrowser phone = new SignInBrowser(this.mvc);
		String page = phone.perform(get("/invitation/" + invited.token())).getContentAsString();
		assertThat(page).contains("With e-mailed links", "action=\"/invitation/" + invited.token() + "/email-links\"",
				"With a passkey", "action=\"/invitation/" + invited.token() + "/passkey\"",
				"Sign in with e-mailed links", "Set my password");

		MockHttpServletResponse chosen = phone
			.perform(post("/invitation/" + invited.token() + "/email-links").with(csrf()));
		assertThat(chosen.getRedirectedUrl()).isEqualTo("/");
		assertThat(phone.perform(get("/")).getRedirectedUrl()).isEqualTo("/me");
		assertThat(phone.perform(get("/me")).getStatus()).isEqualTo(200);

		// No password was set, the link is used up, and the choice is in the audit trail.
		assertThat(hasPassword(invited.accountId())).isFalse();
		assertThat(new SignInBrowser(this.mvc).perform(get("/invitation/" + invited.token())).getStatus())
			.isEqualTo(410);
		assertThat(
				this.owner.sql("SELECT detail FROM audit_event WHERE action = 'INVITATION_ACCEPTED' AND object_id = ?")
					.param(invited.accountId())
					.query(String.class)
					.single())
			.isEqualTo("sign-in by e-mailed links");
		// The clinic sees the patient as active, and sends no new invitation.
		assertThat(this.accounts.hasActivated(world.clinic(), invited.patientId())).isTrue();
		assertThat(this.accounts.resendInvitation(world.clinic(), invited.patientId())).isFalse();

		// With no password, no password signs in; an e-mailed link does.
		SignInBrowser laptop = new SignInBrowser(this.mvc);
		MockHttpServletResponse password = laptop.perform(
				post("/login").with(csrf()).param("email", invited.email()).param("password", TestFixtures.PASSWORD));
		assertThat(password.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(laptop.perform(post("/login/link/send").with(csrf()).param("email", invited.email()))
			.getRedirectedUrl()).isEqualTo("/login?linkSent");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> NotificationTestsAccess.mailsTo(invited.email())
				.stream()
				.anyMatch((m) -> GreenMailUtil.getBody(m).contains("/login/link?token")));
		String token = SignInLinkTests.token(NotificationTestsAccess.mailsTo(invited.email())
			.stream()
			.filter((m) -> GreenMailUtil.getBody(m).contains("/login/link?token"))
			.findFirst()
			.orElseThrow());
		assertThat(laptop.perform(post("/login/link").with(csrf()).param("token", token)).getRedirectedUrl())
			.isEqualTo("/");
		assertThat(laptop.perform(get("/me")).getStatus()).isEqualTo(200);
	}

	@Test
	void staffAreOfferedOnlyAPasswordAndCannotChooseNone() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "new-clinician-" + UUID.randomUUID() + "@test.aftercare";
		UUID accountId = this.accounts.invite(world.clinic(), email, "Dr New", Role.CLINICIAN, null).value();
		String token = InvitationMails.invitationToken(email);

		SignInBrowser browser = new SignInBrowser(this.mvc);
		String page = browser.perform(get("/invitation/" + token)).getContentAsString();
		assertThat(page).contains("Set my password").doesNotContain("email-links", "/passkey\"", "With a passkey");

		MockHttpServletResponse crafted = browser.perform(post("/invitation/" + token + "/email-links").with(csrf()));
		assertThat(crafted.getStatus()).isEqualTo(403);
		assertThat(browser.perform(post("/invitation/" + token + "/passkey").with(csrf())).getStatus()).isEqualTo(403);
		assertThat(browser.perform(get("/")).getRedirectedUrl()).endsWith("/login");
		// Nothing changed: the link still sets a password.
		assertThat(browser.perform(get("/invitation/" + token)).getStatus()).isEqualTo(200);
		assertThat(this.owner.sql("SELECT count(*) FROM invitation WHERE account_id = ? AND used_at IS NOT NULL")
			.param(accountId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPatientChoosesAPasskeyAndIsTakenToAddOneWithNoPasswordSet() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Invited invited = invitePatient(world);
		SignInBrowser phone = new SignInBrowser(this.mvc);
		MockHttpServletResponse chosen = phone
			.perform(post("/invitation/" + invited.token() + "/passkey").with(csrf()));
		assertThat(chosen.getRedirectedUrl()).isEqualTo("/account/passkeys");
		assertThat(phone.perform(get("/account/passkeys")).getContentAsString()).contains("Add a passkey",
				"id=\"passkey-register\"");
		assertThat(hasPassword(invited.accountId())).isFalse();
		assertThat(
				this.owner.sql("SELECT detail FROM audit_event WHERE action = 'INVITATION_ACCEPTED' AND object_id = ?")
					.param(invited.accountId())
					.query(String.class)
					.single())
			.isEqualTo("sign-in by passkey");
		assertThat(new SignInBrowser(this.mvc).perform(get("/invitation/" + invited.token())).getStatus())
			.isEqualTo(410);
	}

	@Test
	void choosingNoPasswordNeedsTheFormsCsrfToken() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Invited invited = invitePatient(world);
		SignInBrowser browser = new SignInBrowser(this.mvc);
		assertThat(browser.perform(post("/invitation/" + invited.token() + "/email-links")).getStatus()).isEqualTo(403);
		assertThat(browser.perform(get("/invitation/" + invited.token())).getStatus()).isEqualTo(200);
	}

	private Invited invitePatient(World world) throws Exception {
		String email = "invited-" + UUID.randomUUID() + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(world.clinic(),
					new Intake("Ines", "Vitada", LocalDate.of(1985, 5, 5), email, null, false, false, null, false,
							false, false, false, false, false, false, false, false, null, null))
			.value();
		UUID accountId = this.accounts.invite(world.clinic(), email, "Ines Vitada", Role.PATIENT, patientId).value();
		return new Invited(email, patientId, accountId, InvitationMails.invitationToken(email));
	}

	private boolean hasPassword(UUID accountId) {
		return this.owner.sql("SELECT password_hash IS NOT NULL FROM user_account WHERE id = ?")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

	private record Invited(String email, UUID patientId, UUID accountId, String token) {
	}

}
