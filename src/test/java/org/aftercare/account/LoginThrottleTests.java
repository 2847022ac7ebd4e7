package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

@AftercareTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	private static final String REFUSED = "/login?error";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutesWithTheSameMessage() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(login(world.clinicianEmail(), "not the password " + i, ip).getRedirectedUrl())
				.isEqualTo(REFUSED);
		}
		assertThat(login(world.clinicianEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo(REFUSED);
		this.mvc.perform(get(REFUSED)).andExpect(content().string(containsString("did not match")));

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(login(world.clinicianEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo(REFUSED);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(login(world.clinicianEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void theLockFollowsTheAccountFromAnyAddress() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		for (int i = 0; i < 5; i++) {
			login(world.patientEmail(), "not the password " + i, randomAddress());
		}
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, randomAddress()).getRedirectedUrl())
			.isEqualTo(REFUSED);
	}

	@Test
	void failuresSpreadOverMoreThanTheWindowDoNotLock() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		for (int i = 0; i < 4; i++) {
			login(world.patientEmail(), "not the password " + i, ip);
		}
		this.clock.advance(Duration.ofMinutes(16));
		login(world.patientEmail(), "not the password again", ip);
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		for (int i = 0; i < 4; i++) {
			login(world.patientEmail(), "not the password " + i, ip);
		}
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo("/");
		for (int i = 0; i < 4; i++) {
			login(world.patientEmail(), "not the password " + i, ip);
		}
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void unknownEmailWrongPasswordAndLockedAccountLookTheSame() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		MockHttpServletResponse wrong = login(world.patientEmail(), "not the password", ip);
		MockHttpServletResponse unknown = login("nobody-" + UUID.randomUUID() + "@test.aftercare", "not the password",
				ip);
		for (int i = 0; i < 5; i++) {
			login(world.clinicianEmail(), "not the password " + i, ip);
		}
		MockHttpServletResponse locked = login(world.clinicianEmail(), TestFixtures.PASSWORD, ip);
		for (MockHttpServletResponse response : new MockHttpServletResponse[] { unknown, locked }) {
			assertThat(response.getStatus()).isEqualTo(wrong.getStatus());
			assertThat(response.getRedirectedUrl()).isEqualTo(wrong.getRedirectedUrl());
			assertThat(response.getContentAsString()).isEqualTo(wrong.getContentAsString());
			assertThat(response.getHeaderNames()).isEqualTo(wrong.getHeaderNames());
		}
	}

	@Test
	void anUnknownEmailCostsAboutAsMuchTimeAsAWrongPassword() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		login(world.patientEmail(), "warm up", ip);
		long wrong = Long.MAX_VALUE;
		long unknown = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			wrong = Math.min(wrong, timed(world.patientEmail(), ip));
			unknown = Math.min(unknown, timed("nobody-" + UUID.randomUUID() + "@test.aftercare", ip));
		}
		// Both include one Argon2id comparison (tens of milliseconds): within a factor of
		// three of each other, where a skipped hash would be ten times faster.
		assertThat(unknown).isBetween(wrong / 3, wrong * 3);
	}

	@Test
	void manyFailuresFromOneAddressLockThatAddressOnly(CapturedOutput output) throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		for (int i = 0; i < 50; i++) {
			login("guess-" + i + "-" + UUID.randomUUID() + "@test.aftercare", "secret guess " + i, ip);
		}
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo(REFUSED);
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, randomAddress()).getRedirectedUrl())
			.isEqualTo("/");
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD, ip).getRedirectedUrl()).isEqualTo("/");
		assertThat(output).contains("Login locked for IP " + ip);
	}

	@Test
	void failedLoginsAreLoggedWithEmailAndAddressButNeverThePassword(CapturedOutput output) throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = randomAddress();
		login(world.patientEmail(), "my very secret attempt", ip);
		assertThat(output).contains("Login refused for " + world.patientEmail() + " from " + ip)
			.doesNotContain("my very secret attempt");
		login(world.patientEmail(), TestFixtures.PASSWORD, ip);
		assertThat(output).contains("from " + ip).doesNotContain(TestFixtures.PASSWORD);
	}

	private long timed(String email, String ip) throws Exception {
		long start = System.nanoTime();
		login(email, "not the password", ip);
		return System.nanoTime() - start;
	}

	private MockHttpServletResponse login(String email, String password, String ip) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("email", email).param("password", password).with((request) -> {
				request.setRemoteAddr(ip);
				return request;
			}))
			.andReturn()
			.getResponse();
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
