package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The passkey pages and stores: each login sees and removes only its own passkeys, the
 * relying party is the base URL's host and asks every passkey to verify its user, and a
 * login that is erased or disabled has no passkey user any more. (PasskeyJourneyTests
 * registers and signs in with real ones in Chromium.)
 */
@AftercareTest
class PasskeyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PasskeyUsers users;

	@Autowired
	AccountService accounts;

	private final JdbcClient owner = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());

	@Test
	void theAccountPageListsOnlyTheLoginsOwnPasskeysWithNameAddedAndLastUsed() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		plant(world.patient(), "Kitchen tablet", null);
		plant(world.patient(), "My phone", Instant.parse("2026-11-30T09:15:00Z"));
		plant(world.clinician(), "Clinician laptop", null);
		plant(other.patient(), "Someone else's phone", null);

		String page = this.mvc.perform(get("/account/passkeys").with(user(world.patient())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Kitchen tablet", "My phone", "Not used yet", "30 Nov 2026, 09:15", "id=\"passkey-register\"",
					"/assets/js/passkeys.js")
			.doesNotContain("Clinician laptop", "Someone else&#39;s phone", "Someone else's phone");
	}

	@Test
	void aLoginRemovesItsOwnPasskeyAudited_AnotherLoginsIsNotFoundAndStays() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID mine = plant(world.patient(), "My phone", null);
		UUID theirs = plant(other.patient(), "Their phone", null);
		UUID colleagues = plant(world.clinician(), "Their laptop", null);

		assertThat(this.mvc
			.perform(post("/account/passkeys/" + theirs + "/remove").with(user(world.patient())).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(post("/account/passkeys/" + colleagues + "/remove").with(user(world.patient())).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(post("/account/passkeys/" + mine + "/remove").with(user(world.patient())))
			.andReturn()
			.getResponse()
			.getStatus()).as("no CSRF token").isEqualTo(403);
		assertThat(count(theirs) + count(colleagues) + count(mine)).isEqualTo(3);

		MockHttpServletResponse removed = this.mvc
			.perform(post("/account/passkeys/" + mine + "/remove").with(user(world.patient())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(removed.getRedirectedUrl()).isEqualTo("/account/passkeys");
		assertThat(count(mine)).isZero();
		assertThat(this.owner
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'PASSKEY_REMOVED' AND object_id = ?")
			.params(world.clinicId(), mine)
			.query(String.class)
			.single()).isEqualTo("My phone");
	}

	@Test
	void theRelyingPartyIsTheBaseUrlsHostAndEveryPasskeyMustVerifyItsUser() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String signIn = this.mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(signIn).contains("\"rpId\":\"localhost\"", "\"userVerification\":\"required\"");

		// Spring Security's answer to a registration without a sign-in: 400, and no
		// options.
		MockHttpServletResponse anonymous = this.mvc.perform(post("/webauthn/register/options").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(anonymous.getStatus()).as("registering needs a sign-in").isEqualTo(400);
		assertThat(anonymous.getContentAsString()).isEmpty();
		MockHttpServletResponse register = this.mvc
			.perform(post("/webauthn/register/options").with(user(world.patient())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(register.getStatus()).isEqualTo(200);
		assertThat(register.getContentAsString()).contains("\"id\":\"localhost\"", "\"name\":\"" + world.patientEmail(),
				"\"userVerification\":\"required\"", "\"residentKey\":\"required\"");
		// The login now has a random user handle, not its account id.
		byte[] handle = this.owner.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(world.patient().accountId())
			.query(byte[].class)
			.single();
		assertThat(handle).hasSizeGreaterThanOrEqualTo(32);
		assertThat(this.users.findById(new Bytes(handle)).getName()).isEqualTo(world.patientEmail());
	}

	@Test
	void aBadPasskeySignInSignsNobodyIn() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/login/webauthn").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{"
						+ "\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"},"
						+ "\"clientExtensionResults\":{}}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).isEqualTo("{\"authenticated\":false}");
	}

	@Test
	void anErasedLoginsPasskeysAreDeletedAndFindNoUser() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID passkey = plant(world.patient(), "My phone", null);
		byte[] handle = this.owner.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(world.patient().accountId())
			.query(byte[].class)
			.single();
		assertThat(this.users.findById(new Bytes(handle))).isNotNull();

		assertThat(this.accounts.erasePatientLogin(world.clinic(), world.patient().patientId())).isPresent();
		assertThat(count(passkey)).isZero();
		assertThat(this.users.findById(new Bytes(handle))).isNull();
	}

	@Test
	void aDisabledLoginHasNoPasskeyUser() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		plant(world.clinician(), "Laptop", null);
		assertThat(this.users.findByUsername(world.clinicianEmail())).isNotNull();
		this.owner.sql("UPDATE user_account SET enabled = false WHERE id = ?")
			.param(world.clinician().accountId())
			.update();
		assertThat(this.users.findByUsername(world.clinicianEmail())).isNull();
	}

	/** A registered passkey, as the owner of the schema writes it. */
	private UUID plant(CurrentUser login, String label, Instant lastUsed) {
		this.owner.sql("""
				INSERT INTO passkey_user (clinic_id, account_id, user_handle, created_at)
				VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")
			.params(login.clinicId().value(), login.accountId(), Bytes.random().getBytes())
			.update();
		UUID id = UUID.randomUUID();
		this.owner.sql("""
				INSERT INTO passkey (id, clinic_id, account_id, credential_id, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, label, created_at, last_used_at)
				VALUES (?, ?, ?, ?, ?, 0, true, false, false, ?, now(), ?)""")
			.params(id, login.clinicId().value(), login.accountId(), Bytes.random().getBytes(), new byte[] { 1 }, label,
					(lastUsed != null) ? java.sql.Timestamp.from(lastUsed) : null)
			.update();
		return id;
	}

	private long count(UUID passkey) {
		return this.owner.sql("SELECT count(*) FROM passkey WHERE id = ?").param(passkey).query(Long.class).single();
	}

}
