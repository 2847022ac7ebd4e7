package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class PasswordChangeTests {

	private static final String NEW_PASSWORD = "a fresh passphrase of mine";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Test
	void changingThePasswordEndsEveryOtherSessionButThisOne() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie here = login(world.patientEmail(), TestFixtures.PASSWORD).getCookie("SESSION");
		Cookie elsewhere = login(world.patientEmail(), TestFixtures.PASSWORD).getCookie("SESSION");

		change(here, TestFixtures.PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").cookie(here))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("logged out everywhere else")));
		this.mvc.perform(get("/me").cookie(here)).andExpect(status().isOk());
		this.mvc.perform(get("/me").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		assertThat(login(world.patientEmail(), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void wrongCurrentPasswordOrAWeakNewOneIsRefusedAndNothingIsShownBack() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie session = login(world.clinicianEmail(), TestFixtures.PASSWORD).getCookie("SESSION");
		change(session, "not my password at all", NEW_PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not your current password")))
			.andExpect(content().string(not(containsString("not my password at all"))))
			.andExpect(content().string(not(containsString(NEW_PASSWORD))));
		change(session, TestFixtures.PASSWORD, "contortionist").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("most common passwords")));
		assertThat(login(world.clinicianEmail(), TestFixtures.PASSWORD).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anonymousUsersCannotReachThePage() throws Exception {
		this.mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
	}

	private ResultActions change(Cookie session, String current, String password) throws Exception {
		return this.mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("current", current)
			.param("password", password)
			.param("confirmation", password));
	}

	private MockHttpServletResponse login(String email, String password) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("email", email).param("password", password).with((request) -> {
				request.setRemoteAddr(LoginThrottleTests.randomAddress());
				return request;
			}))
			.andReturn()
			.getResponse();
	}

}
