package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@AftercareTest
class TwoFactorTests {

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
	void enrolledStaffNeedACodeAfterThePasswordAndEachCodeWorksOnce() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		SignInBrowser desk = new SignInBrowser(this.mvc);
		assertThat(desk.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/");
		MockHttpServletResponse page = desk.perform(get("/two-factor/enrol"));
		assertThat(page.getStatus()).isEqualTo(200);
		String secret = SignInBrowser.secret(page);
		assertThat(page.getContentAsString()).contains("otpauth://totp/Aftercare:").contains("secret=" + secret);

		MockHttpServletResponse wrong = desk.perform(post("/two-factor/enrol").with(csrf()).param("code", "12345"));
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("That code did not work");
		assertThat(SignInBrowser.secret(wrong)).isEqualTo(secret);

		long enrolStep = Totp.step(this.clock.instant());
		String enrolCode = code(secret, enrolStep);
		assertThat(desk.perform(post("/two-factor/enrol").with(csrf()).param("code", enrolCode)).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		assertThat(SignInBrowser.recoveryCodes(desk.perform(get("/two-factor/recovery-codes")))).hasSize(10)
			.doesNotHaveDuplicates();
		String stored = this.jdbc.sql("SELECT secret FROM two_factor WHERE account_id = ?")
			.param(world.clinician().accountId())
			.query(String.class)
			.single();
		assertThat(stored).as("the seed is sealed at rest").startsWith("v1:").doesNotContain(secret.replace(" ", ""));
		assertThat(desk.perform(get("/two-factor/recovery-codes")).getRedirectedUrl()).isEqualTo("/");

		SignInBrowser phone = new SignInBrowser(this.mvc);
		assertThat(phone.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(phone.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(phone.perform(get("/two-factor")).getStatus()).isEqualTo(200);
		assertThat(phone.code(enrolCode).getStatus()).as("a code used already").isEqualTo(422);

		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String next = code(secret, Totp.step(this.clock.instant()));
		assertThat(phone.code(next).getRedirectedUrl()).isEqualTo("/");
		assertThat(phone.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);

		SignInBrowser again = new SignInBrowser(this.mvc);
		again.login(world.clinicianEmail());
		assertThat(again.code(next).getStatus()).isEqualTo(422);
		assertThat(again.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void recoveryCodesLogInOnceEach() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		List<String> codes = enrol(world.clinicianEmail());

		SignInBrowser first = new SignInBrowser(this.mvc);
		assertThat(first.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(first.code(codes.get(0)).getRedirectedUrl()).isEqualTo("/");

		SignInBrowser second = new SignInBrowser(this.mvc);
		second.login(world.clinicianEmail());
		assertThat(second.code(codes.get(0)).getStatus()).isEqualTo(422);
		assertThat(second.code(codes.get(1).replace("-", "").toLowerCase()).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void fiveWrongCodesEndTheAttemptAndLockTheAccount() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String secret = enrolSecret(world.clinicianEmail());
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3));
		SignInBrowser browser = new SignInBrowser(this.mvc);
		browser.login(world.clinicianEmail());
		for (int i = 0; i < 4; i++) {
			MockHttpServletResponse response = browser.code("not a code");
			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("That code did not work");
		}
		assertThat(browser.code("not a code").getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(browser.perform(get("/two-factor")).getRedirectedUrl()).isEqualTo("/login");

		SignInBrowser later = new SignInBrowser(this.mvc);
		assertThat(later.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/login?error");
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(later.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(later.code(code(secret, Totp.step(this.clock.instant()))).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void clinicRequirementMakesStaffEnrolBeforeReachingAnythingElse() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@test.aftercare", "Admin",
				Role.ADMIN, "Europe/London", null, true);
		this.mvc.perform(get("/admin/security").with(user(world.clinician())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		MockHttpServletResponse saved = this.mvc
			.perform(post("/admin/security").with(user(admin)).with(csrf()).param("requireTwoFactor", "true"))
			.andReturn()
			.getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/security");
		assertThat(this.mvc.perform(get("/admin/security").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("checked=\"checked\"");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'TWO_FACTOR_POLICY' AND actor_id = ?")
			.params(world.clinicId(), admin.accountId())
			.query(Long.class)
			.single()).isEqualTo(1);

		SignInBrowser browser = new SignInBrowser(this.mvc);
		assertThat(browser.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor/enrol");
		assertThat(browser.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(browser.perform(get("/clinician/reports")).getRedirectedUrl()).endsWith("/login");
		assertThat(browser.perform(get("/two-factor")).getRedirectedUrl()).isEqualTo("/login");
		String secret = SignInBrowser.secret(browser.perform(get("/two-factor/enrol")));
		assertThat(browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant()))).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		assertThat(SignInBrowser.recoveryCodes(browser.perform(get("/two-factor/recovery-codes")))).hasSize(10);
		assertThat(browser.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);

		assertThat(new SignInBrowser(this.mvc).login(world.patientEmail()).getRedirectedUrl())
			.as("patients have no second step")
			.isEqualTo("/");

		this.mvc.perform(post("/admin/security").with(user(admin)).with(csrf()));
		assertThat(this.mvc.perform(get("/admin/security").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("checked=\"checked\"");
		assertThat(new SignInBrowser(this.mvc).login(world.clinicianEmail()).getRedirectedUrl())
			.as("enrolled staff keep their second step")
			.isEqualTo("/two-factor");
	}

	private List<String> enrol(String email) throws Exception {
		SignInBrowser browser = new SignInBrowser(this.mvc);
		browser.login(email);
		String secret = SignInBrowser.secret(browser.perform(get("/two-factor/enrol")));
		browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant())));
		return SignInBrowser.recoveryCodes(browser.perform(get("/two-factor/recovery-codes")));
	}

	private String enrolSecret(String email) throws Exception {
		SignInBrowser browser = new SignInBrowser(this.mvc);
		browser.login(email);
		String secret = SignInBrowser.secret(browser.perform(get("/two-factor/enrol")));
		browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant())));
		return secret;
	}

	private static String code(String secret, long step) {
		return Totp.code(Totp.fromBase32(secret), step);
	}

}
