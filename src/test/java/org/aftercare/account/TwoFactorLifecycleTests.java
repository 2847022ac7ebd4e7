package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * After enrolment: a staff member moves to a new phone, renews their recovery codes or
 * turns two-step login off (where the clinic allows), each confirmed with password and
 * code; an admin resets the second factor of a member who lost their phone.
 */
@AftercareTest
class TwoFactorLifecycleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void movingToANewPhoneNeedsPasswordAndCodeThenACodeFromTheNewPhone() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		Enrolment old = enrol(desk, world.clinicianEmail());

		// Signed in is not enough to move the second factor.
		assertThat(desk.perform(get("/two-factor/enrol")).getRedirectedUrl()).isEqualTo("/account/two-factor");
		assertThat(desk.perform(post("/two-factor/enrol").with(csrf()).param("code", "123456")).getRedirectedUrl())
			.isEqualTo("/account/two-factor");
		MockHttpServletResponse page = desk.perform(get("/account/two-factor"));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Two-step login is on. You have 10 unused recovery codes.");

		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String current = code(old.secret());
		MockHttpServletResponse wrongPassword = desk.confirm("replace", "not my password at all", current);
		assertThat(wrongPassword.getStatus()).isEqualTo(422);
		assertThat(wrongPassword.getContentAsString()).contains("That is not your current password")
			.contains("value=\"" + current + "\"")
			.doesNotContain("not my password at all");
		MockHttpServletResponse wrongCode = desk.confirm("replace", TestFixtures.PASSWORD, "000000");
		assertThat(wrongCode.getStatus()).isEqualTo(422);
		assertThat(wrongCode.getContentAsString()).contains("That code did not work")
			.doesNotContain(TestFixtures.PASSWORD);
		MockHttpServletResponse blank = desk.confirm("replace", "", "");
		assertThat(blank.getStatus()).isEqualTo(422);
		assertThat(blank.getContentAsString()).contains("Please type your password").contains("Please type the code");

		assertThat(desk.confirm("replace", TestFixtures.PASSWORD, current).getRedirectedUrl())
			.isEqualTo("/two-factor/enrol");
		String secret = SignInBrowser.secret(desk.perform(get("/two-factor/enrol")));
		assertThat(secret).isNotEqualTo(old.secret());
		assertThat(desk.code("/two-factor/enrol", code(old.secret())).getStatus())
			.as("the old phone cannot confirm the new one")
			.isEqualTo(422);
		assertThat(desk.code("/two-factor/enrol", code(secret)).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		List<String> codes = SignInBrowser.recoveryCodes(desk.perform(get("/two-factor/recovery-codes")));
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old.codes());
		assertThat(desk.perform(get("/two-factor/enrol")).getRedirectedUrl()).as("confirmed once, used once")
			.isEqualTo("/account/two-factor");

		// The old phone and the old recovery codes no longer work; the new ones do.
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		SignInBrowser phone = new SignInBrowser(this.mvc);
		assertThat(phone.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(phone.code(code(old.secret())).getStatus()).isEqualTo(422);
		assertThat(phone.code(old.codes().get(1)).getStatus()).isEqualTo(422);
		assertThat(phone.code(code(secret)).getRedirectedUrl()).isEqualTo("/");
		SignInBrowser laptop = new SignInBrowser(this.mvc);
		laptop.login(world.clinicianEmail());
		assertThat(laptop.code(codes.get(0)).getRedirectedUrl()).isEqualTo("/");
		assertThat(audit(world, "TWO_FACTOR_REPLACEMENT_STARTED")).isOne();
		assertThat(audit(world, "TWO_FACTOR_ENROLLED")).isEqualTo(2);
	}

	@Test
	void theConfirmationToMoveToANewPhoneLastsTenMinutes() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		Enrolment old = enrol(desk, world.clinicianEmail());
		// A recovery code confirms as well as the app's code.
		assertThat(desk.confirm("replace", TestFixtures.PASSWORD, old.codes().get(0)).getRedirectedUrl())
			.isEqualTo("/two-factor/enrol");
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		assertThat(desk.perform(get("/two-factor/enrol")).getRedirectedUrl()).isEqualTo("/account/two-factor");
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnes() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		Enrolment old = enrol(desk, world.clinicianEmail());
		assertThat(desk.confirm("recovery-codes", TestFixtures.PASSWORD, old.codes().get(0)).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		List<String> codes = SignInBrowser.recoveryCodes(desk.perform(get("/two-factor/recovery-codes")));
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old.codes());
		assertThat(desk.perform(get("/account/two-factor")).getContentAsString()).contains("You have 10 unused");

		SignInBrowser phone = new SignInBrowser(this.mvc);
		phone.login(world.clinicianEmail());
		assertThat(phone.code(old.codes().get(1)).getStatus()).isEqualTo(422);
		assertThat(phone.code(codes.get(0)).getRedirectedUrl()).isEqualTo("/");
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		SignInBrowser laptop = new SignInBrowser(this.mvc);
		laptop.login(world.clinicianEmail());
		assertThat(laptop.code(code(old.secret())).getRedirectedUrl()).as("the phone is unchanged").isEqualTo("/");
		assertThat(audit(world, "TWO_FACTOR_RECOVERY_CODES_RENEWED")).isOne();
	}

	@Test
	void twoStepLoginTurnsOffOnlyWhereTheClinicDoesNotRequireIt() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		Enrolment enrolment = enrol(desk, world.clinicianEmail());
		require(world, true);
		assertThat(desk.perform(get("/account/two-factor")).getContentAsString()).doesNotContain("id=\"turn-off\"")
			.contains("cannot be turned off");
		MockHttpServletResponse refused = desk.confirm("disable", TestFixtures.PASSWORD, enrolment.codes().get(0));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("cannot be turned off");
		assertThat(enrolled(world)).isTrue();

		require(world, false);
		assertThat(desk.perform(get("/account/two-factor")).getContentAsString()).contains("id=\"turn-off\"");
		assertThat(desk.confirm("disable", "wrong password here", enrolment.codes().get(0)).getStatus()).isEqualTo(422);
		assertThat(enrolled(world)).isTrue();
		assertThat(desk.confirm("disable", TestFixtures.PASSWORD, enrolment.codes().get(0)).getRedirectedUrl())
			.isEqualTo("/account/two-factor");
		assertThat(desk.perform(get("/account/two-factor")).getContentAsString())
			.contains("Two-step login is off for your account");
		assertThat(enrolled(world)).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = ?")
			.param(world.clinician().accountId())
			.query(Long.class)
			.single()).isZero();
		assertThat(new SignInBrowser(this.mvc).login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/");
		assertThat(audit(world, "TWO_FACTOR_DISABLED")).isOne();
	}

	@Test
	void patientsHaveNoTwoFactorSettings() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		assertThat(this.mvc.perform(get("/account/two-factor").with(user(world.patient())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void anAdminResetsALostPhoneTheMemberIsSignedOutToldAndEnrolsAgain() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		Enrolment lost = enrol(desk, world.clinicianEmail());
		assertThat(desk.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);
		require(world, true);
		CurrentUser admin = admin(world.clinicId());
		UUID member = world.clinician().accountId();
		String path = "/admin/staff/" + member + "/two-factor-reset";

		String staff = this.mvc.perform(get("/admin/staff").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(staff).contains("id=\"two-factor-reset-" + member + "\"");
		MockHttpServletResponse confirm = this.mvc.perform(get(path).with(user(admin))).andReturn().getResponse();
		assertThat(confirm.getStatus()).isEqualTo(200);
		assertThat(confirm.getContentAsString()).contains(world.clinicianEmail())
			.contains("they set it up again")
			.contains("name=\"confirm\"");

		// No CSRF token, or the box not ticked: nothing happens.
		assertThat(this.mvc.perform(post(path).with(user(admin)).param("confirm", "true"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MockHttpServletResponse unticked = this.mvc.perform(post(path).with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(unticked.getStatus()).isEqualTo(422);
		assertThat(unticked.getContentAsString()).contains("Please tick the box");
		assertThat(enrolled(world)).isTrue();
		assertThat(desk.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);

		MockHttpServletResponse done = this.mvc
			.perform(post(path).with(user(admin)).with(csrf()).param("confirm", "true"))
			.andReturn()
			.getResponse();
		assertThat(done.getRedirectedUrl()).isEqualTo("/admin/staff");
		assertThat(enrolled(world)).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = ?")
			.param(member)
			.query(Long.class)
			.single()).isZero();
		assertThat(desk.perform(get("/clinician/flags")).getRedirectedUrl()).as("signed out at once")
			.endsWith("/login");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event
				 WHERE clinic_id = ? AND action = 'TWO_FACTOR_RESET' AND object_id = ? AND actor_id = ?""")
			.params(world.clinicId(), member, admin.accountId())
			.query(Long.class)
			.single()).isOne();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !NotificationTestsAccess.mailsTo(world.clinicianEmail()).isEmpty());
		MimeMessage mail = NotificationTestsAccess.mailsTo(world.clinicianEmail()).get(0);
		assertThat(mail.getSubject()).isEqualTo("Your two-step login on Aftercare has been reset");
		assertThat(GreenMailUtil.getBody(mail)).contains("set it up again").contains("+44 20 7946");

		// The lost phone and its recovery codes let no one in; the member enrols again.
		SignInBrowser again = new SignInBrowser(this.mvc);
		assertThat(again.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor/enrol");
		assertThat(again.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(again.code("/two-factor", lost.codes().get(0)).getRedirectedUrl()).isEqualTo("/login");
		String secret = SignInBrowser.secret(again.perform(get("/two-factor/enrol")));
		assertThat(secret).isNotEqualTo(lost.secret());
		assertThat(again.code("/two-factor/enrol", code(secret)).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		assertThat(again.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminOfTheMembersClinicResetsAndNotTheirOwn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		enrol(new SignInBrowser(this.mvc), world.clinicianEmail());
		String path = "/admin/staff/" + world.clinician().accountId() + "/two-factor-reset";
		CurrentUser otherAdmin = admin(other.clinicId());
		assertThat(status(get(path).with(user(otherAdmin)))).isEqualTo(404);
		assertThat(status(post(path).with(user(otherAdmin)).with(csrf()).param("confirm", "true"))).isEqualTo(404);
		assertThat(status(post(path).with(user(world.clinician())).with(csrf()).param("confirm", "true")))
			.isEqualTo(403);
		assertThat(status(post("/admin/staff/" + world.patient().accountId() + "/two-factor-reset")
			.with(user(admin(world.clinicId())))
			.with(csrf())
			.param("confirm", "true"))).as("a patient is no staff member").isEqualTo(404);
		assertThat(enrolled(world)).isTrue();

		CurrentUser self = new CurrentUser(world.clinician().accountId(), world.clinicId(), null,
				world.clinicianEmail(), "Dr Self", Role.ADMIN, "Europe/London", null, true);
		assertThat(this.mvc.perform(post(path).with(user(self)).with(csrf()).param("confirm", "true"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/admin/staff");
		assertThat(enrolled(world)).as("not their own, here").isTrue();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private void require(World world, boolean required) throws Exception {
		this.mvc.perform(post("/admin/security").with(user(admin(world.clinicId())))
			.with(csrf())
			.param("requireTwoFactor", String.valueOf(required)));
	}

	private boolean enrolled(World world) {
		return this.jdbc.sql("SELECT count(*) FROM two_factor WHERE account_id = ?")
			.param(world.clinician().accountId())
			.query(Long.class)
			.single() > 0;
	}

	private long audit(World world, String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ? AND object_id = ?")
			.params(world.clinicId(), action, world.clinician().accountId())
			.query(Long.class)
			.single();
	}

	private static CurrentUser admin(UUID clinicId) {
		return new CurrentUser(UUID.randomUUID(), clinicId, null, "admin@test.aftercare", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

	record Enrolment(String secret, List<String> codes) {
	}

	/** Signs in and enrols; the browser stays signed in. */
	private Enrolment enrol(SignInBrowser browser, String email) throws Exception {
		assertThat(browser.login(email).getRedirectedUrl()).isEqualTo("/");
		String secret = SignInBrowser.secret(browser.perform(get("/two-factor/enrol")));
		browser.code("/two-factor/enrol", code(secret));
		return new Enrolment(secret, SignInBrowser.recoveryCodes(browser.perform(get("/two-factor/recovery-codes"))));
	}

	private String code(String secret) {
		return Totp.code(Totp.fromBase32(secret), Totp.step(this.clock.instant()));
	}

}
