package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	org.aftercare.MutableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void loginPageIsPublicAndCarriesACsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void anonymousUsersAreSentToLogin() throws Exception {
		this.mvc.perform(get("/me")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void eachRoleLandsOnItsOwnHomeAfterLogin() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.patientEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").with(user(world.patient()))).andExpect(redirectedUrl("/me"));
		this.mvc.perform(get("/").with(user(world.clinician()))).andExpect(redirectedUrl("/clinician/flags"));
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "a@b.c", "Admin", Role.ADMIN,
				"Europe/London", null, true);
		this.mvc.perform(get("/").with(user(admin))).andExpect(redirectedUrl("/admin/settings"));
		this.mvc.perform(get("/admin/settings").with(user(admin))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/settings").with(user(world.clinician()))).andExpect(status().isForbidden());
	}

	@Test
	void staffSessionsIdleOutSoonerThanPatientSessions() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		assertThat(idleSeconds(login(world.clinicianEmail()))).isEqualTo(15 * 60);
		assertThat(idleSeconds(login(world.patientEmail()))).isEqualTo(30 * 60);
	}

	@Test
	void sessionsEndAfterTwelveHoursWhateverTheActivity() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie session = login(world.patientEmail());
		this.clock.advance(Duration.ofHours(11));
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(1).plusMinutes(1));
		this.mvc.perform(get("/me").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/me").cookie(session)).andExpect(redirectedUrl("/login"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private Cookie login(String email) throws Exception {
		var response = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		Cookie cookie = response.getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	private int idleSeconds(Cookie cookie) {
		String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()),
				java.nio.charset.StandardCharsets.UTF_8);
		return this.jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	@Test
	void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(formLogin("/login").userParameter("email").user(world.patientEmail()).password("wrong password!"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(formLogin("/login").userParameter("email").user("nobody@nowhere.test").password("whatever it is"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void passwordsAreHashedWithArgon2idAtTheOwaspCost() {
		String hash = this.passwordEncoder.encode("a password of reasonable length");
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void longNonAsciiPasswordsWork() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String password = "Ünïcödé-пароль-密码-كلمة-🔐".repeat(3);
		assertThat(password.length()).isGreaterThanOrEqualTo(64);
		String email = "unicode-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), email, password, Role.CLINICIAN, "Unicode User", null);
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(password.substring(1)))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void logoutNeedsAPostWithCsrf() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(post("/logout").with(user(world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(post("/logout").with(user(world.patient()))).andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryStrictSecurityHeadersAndAreNeverCached() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/me").with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					"default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
							+ "manifest-src 'self'; worker-src 'self'"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Permissions-Policy", containsString("camera=()")))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void httpsRequestsGetStrictTransportSecurity() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
	}

	@Test
	void healthIsPublicWithoutDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"status\":\"UP\"")))
			.andExpect(content().string(not(containsString("db"))))
			.andExpect(content().string(not(containsString("diskSpace"))));
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	@Test
	void noOtherActuatorEndpointIsExposed() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "a@b.c", "Admin", Role.ADMIN,
				"Europe/London", null, true);
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/info", "/actuator" }) {
			int status = this.mvc.perform(get(endpoint).with(user(admin))).andReturn().getResponse().getStatus();
			assertThat(status).as(endpoint).isIn(403, 404);
		}
	}

}
