package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

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
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@AftercareTest
class TwoFactorTests {

	private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");

	private static final Pattern RECOVERY = Pattern
		.compile("<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})</code>");

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
		Browser desk = new Browser();
		assertThat(desk.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/");
		MockHttpServletResponse page = desk.perform(get("/two-factor/enrol"));
		assertThat(page.getStatus()).isEqualTo(200);
		String secret = secret(page);
		assertThat(page.getContentAsString()).contains("otpauth://totp/Aftercare:").contains("secret=" + secret);

		MockHttpServletResponse wrong = desk.perform(post("/two-factor/enrol").with(csrf()).param("code", "12345"));
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("That code did not work");
		assertThat(secret(wrong)).isEqualTo(secret);

		long enrolStep = Totp.step(this.clock.instant());
		String enrolCode = code(secret, enrolStep);
		assertThat(desk.perform(post("/two-factor/enrol").with(csrf()).param("code", enrolCode)).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		assertThat(recoveryCodes(desk.perform(get("/two-factor/recovery-codes")))).hasSize(10).doesNotHaveDuplicates();
		String stored = this.jdbc.sql("SELECT secret FROM two_factor WHERE account_id = ?")
			.param(world.clinician().accountId())
			.query(String.class)
			.single();
		assertThat(stored).as("the seed is sealed at rest").startsWith("v1:").doesNotContain(secret.replace(" ", ""));
		assertThat(desk.perform(get("/two-factor/recovery-codes")).getRedirectedUrl()).isEqualTo("/");

		Browser phone = new Browser();
		assertThat(phone.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(phone.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(phone.perform(get("/two-factor")).getStatus()).isEqualTo(200);
		assertThat(phone.code(enrolCode).getStatus()).as("a code used already").isEqualTo(422);

		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String next = code(secret, Totp.step(this.clock.instant()));
		assertThat(phone.code(next).getRedirectedUrl()).isEqualTo("/");
		assertThat(phone.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);

		Browser again = new Browser();
		again.login(world.clinicianEmail());
		assertThat(again.code(next).getStatus()).isEqualTo(422);
		assertThat(again.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void recoveryCodesLogInOnceEach() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		List<String> codes = enrol(world.clinicianEmail());

		Browser first = new Browser();
		assertThat(first.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor");
		assertThat(first.code(codes.get(0)).getRedirectedUrl()).isEqualTo("/");

		Browser second = new Browser();
		second.login(world.clinicianEmail());
		assertThat(second.code(codes.get(0)).getStatus()).isEqualTo(422);
		assertThat(second.code(codes.get(1).replace("-", "").toLowerCase()).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void fiveWrongCodesEndTheAttemptAndLockTheAccount() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String secret = enrolSecret(world.clinicianEmail());
		this.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3));
		Browser browser = new Browser();
		browser.login(world.clinicianEmail());
		for (int i = 0; i < 4; i++) {
			MockHttpServletResponse response = browser.code("not a code");
			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("That code did not work");
		}
		assertThat(browser.code("not a code").getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(browser.perform(get("/two-factor")).getRedirectedUrl()).isEqualTo("/login");

		Browser later = new Browser();
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

		Browser browser = new Browser();
		assertThat(browser.login(world.clinicianEmail()).getRedirectedUrl()).isEqualTo("/two-factor/enrol");
		assertThat(browser.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(browser.perform(get("/clinician/reports")).getRedirectedUrl()).endsWith("/login");
		assertThat(browser.perform(get("/two-factor")).getRedirectedUrl()).isEqualTo("/login");
		String secret = secret(browser.perform(get("/two-factor/enrol")));
		assertThat(browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant()))).getRedirectedUrl())
			.isEqualTo("/two-factor/recovery-codes");
		assertThat(recoveryCodes(browser.perform(get("/two-factor/recovery-codes")))).hasSize(10);
		assertThat(browser.perform(get("/clinician/flags")).getStatus()).isEqualTo(200);

		assertThat(new Browser().login(world.patientEmail()).getRedirectedUrl()).as("patients have no second step")
			.isEqualTo("/");

		this.mvc.perform(post("/admin/security").with(user(admin)).with(csrf()));
		assertThat(this.mvc.perform(get("/admin/security").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("checked=\"checked\"");
		assertThat(new Browser().login(world.clinicianEmail()).getRedirectedUrl())
			.as("enrolled staff keep their second step")
			.isEqualTo("/two-factor");
	}

	private List<String> enrol(String email) throws Exception {
		Browser browser = new Browser();
		browser.login(email);
		String secret = secret(browser.perform(get("/two-factor/enrol")));
		browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant())));
		return recoveryCodes(browser.perform(get("/two-factor/recovery-codes")));
	}

	private String enrolSecret(String email) throws Exception {
		Browser browser = new Browser();
		browser.login(email);
		String secret = secret(browser.perform(get("/two-factor/enrol")));
		browser.code("/two-factor/enrol", code(secret, Totp.step(this.clock.instant())));
		return secret;
	}

	private static String code(String secret, long step) {
		return Totp.code(Totp.fromBase32(secret), step);
	}

	private static String secret(MockHttpServletResponse page) throws Exception {
		Matcher matcher = SECRET.matcher(page.getContentAsString());
		assertThat(matcher.find()).as("secret on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	private static List<String> recoveryCodes(MockHttpServletResponse page) throws Exception {
		Matcher matcher = RECOVERY.matcher(page.getContentAsString());
		List<String> codes = new ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	/** One browser: its own address and session cookie, kept across requests. */
	private final class Browser {

		private final String ip = LoginThrottleTests.randomAddress();

		private Cookie session;

		MockHttpServletResponse login(String email) throws Exception {
			return perform(post("/login").with(csrf()).param("email", email).param("password", TestFixtures.PASSWORD));
		}

		MockHttpServletResponse code(String code) throws Exception {
			return code("/two-factor", code);
		}

		MockHttpServletResponse code(String path, String code) throws Exception {
			return perform(post(path).with(csrf()).param("code", code));
		}

		MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
			request.with((r) -> {
				r.setRemoteAddr(this.ip);
				return r;
			});
			if (this.session != null) {
				request.cookie(this.session);
			}
			MockHttpServletResponse response = TwoFactorTests.this.mvc.perform(request).andReturn().getResponse();
			Cookie renewed = response.getCookie("SESSION");
			if (renewed != null) {
				this.session = renewed;
			}
			return response;
		}

	}

}
