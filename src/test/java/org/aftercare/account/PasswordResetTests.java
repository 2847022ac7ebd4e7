package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class PasswordResetTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void loginPageLinksToPasswordReset() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/password-reset\"")))
			.andExpect(content().string(containsString("Forgot your password?")));
		this.mvc.perform(get("/password-reset")).andExpect(status().isOk());
	}

	@Test
	void emailedLinkSetsANewPasswordOnce() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String path = requestLink(world.patientEmail());
		assertThat(NotificationTestsAccess.mailsTo(world.patientEmail()).get(0).getSubject())
			.isEqualTo("Reset your Aftercare password");

		this.mvc.perform(get(path)).andExpect(status().isOk());
		choose(path, NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(get("/login?reset")).andExpect(content().string(containsString("password has been changed")));

		assertThat(login(world.patientEmail(), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/");
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD).getRedirectedUrl()).isEqualTo("/login?error");

		this.mvc.perform(get(path))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("no longer works")));
		choose(path, "yet another passphrase").andExpect(status().isGone());
		assertThat(login(world.patientEmail(), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void linkExpiresAfterThirtyMinutes() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String path = requestLink(world.patientEmail());
		this.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		this.mvc.perform(get(path)).andExpect(status().isGone());
		choose(path, NEW_PASSWORD).andExpect(status().isGone());
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aNewerLinkReplacesTheOlderOne() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String first = requestLink(world.patientEmail());
		ask(world.patientEmail());
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 2);
		this.mvc.perform(get(first)).andExpect(status().isGone());
		String second = resetPath(NotificationTestsAccess.mailsTo(world.patientEmail()).get(1));
		this.mvc.perform(get(second)).andExpect(status().isOk());
	}

	@Test
	void unknownAddressGetsTheSameAnswerAndNoEmail() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String unknown = "nobody-" + UUID.randomUUID() + "@test.aftercare";
		MockHttpServletResponse known = ask(world.patientEmail());
		MockHttpServletResponse nobody = ask(unknown);
		assertThat(nobody.getStatus()).isEqualTo(known.getStatus());
		assertThat(nobody.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl()).isEqualTo("/password-reset?sent");
		assertThat(nobody.getHeaderNames()).isEqualTo(known.getHeaderNames());
		this.mvc.perform(get("/password-reset?sent"))
			.andExpect(content().string(containsString("If an account exists for that address")));
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(unknown).isEmpty());
	}

	@Test
	void malformedAddressIsShownBackWithAMessage() throws Exception {
		this.mvc.perform(post("/password-reset").with(csrf()).param("email", "not an address"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"not an address\"")))
			.andExpect(content().string(containsString("Please check this e-mail address")));
	}

	@Test
	void newPasswordEndsEverySessionOfTheUser() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie phone = login(world.patientEmail(), TestFixtures.PASSWORD).getCookie("SESSION");
		Cookie laptop = login(world.patientEmail(), TestFixtures.PASSWORD).getCookie("SESSION");
		this.mvc.perform(get("/me").cookie(phone)).andExpect(status().isOk());
		this.mvc.perform(get("/me").cookie(laptop)).andExpect(status().isOk());

		choose(requestLink(world.patientEmail()), NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));

		this.mvc.perform(get("/me").cookie(phone)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/me").cookie(laptop)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void newPasswordMustFollowThePolicyAndIsNeverShownBack() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String path = requestLink(world.patientEmail());
		choose(path, "short one").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("between 12 and 128 characters")))
			.andExpect(content().string(not(containsString("short one"))));
		choose(path, "contortionist").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("most common passwords")))
			.andExpect(content().string(not(containsString("contortionist"))));
		choose(path, "mine: " + world.patientEmail()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("do not use your e-mail address")));
		this.mvc
			.perform(post(path).with(csrf()).param("password", NEW_PASSWORD).param("confirmation", NEW_PASSWORD + "!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not the same")))
			.andExpect(content().string(not(containsString(NEW_PASSWORD))));

		String unicode = "Ünïcödé-пароль-密码-كلمة-🔐".repeat(3);
		assertThat(unicode.length()).isGreaterThanOrEqualTo(64);
		choose(path, unicode).andExpect(redirectedUrl("/login?reset"));
		assertThat(login(world.patientEmail(), unicode).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void invitationRefusesACommonPassword() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "invited-" + UUID.randomUUID() + "@test.aftercare";
		UUID patient = this.patients
			.enrol(world.clinic(),
					new Intake("Lena", "Invited", LocalDate.of(1990, 1, 1), email, null, false, false, null, false,
							false, false, false, false, false, false, false, false, null, null))
			.value();
		this.accounts.invite(world.clinic(), email, "Lena Invited", Role.PATIENT, patient);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == 1);
		String path = path(NotificationTestsAccess.mailsTo(email).get(0), "invitation");
		this.mvc
			.perform(post(path).with(csrf()).param("password", "contortionist").param("confirmation", "contortionist"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("most common passwords")))
			.andExpect(content().string(not(containsString("contortionist"))));
	}

	private String requestLink(String email) throws Exception {
		int before = NotificationTestsAccess.mailsTo(email).size();
		assertThat(ask(email).getRedirectedUrl()).isEqualTo("/password-reset?sent");
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == before + 1);
		return resetPath(NotificationTestsAccess.mailsTo(email).get(before));
	}

	private MockHttpServletResponse ask(String email) throws Exception {
		return this.mvc.perform(post("/password-reset").with(csrf()).param("email", email)).andReturn().getResponse();
	}

	private org.springframework.test.web.servlet.ResultActions choose(String path, String password) throws Exception {
		return this.mvc.perform(post(path).with(csrf()).param("password", password).param("confirmation", password));
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

	static String resetPath(MimeMessage message) {
		return path(message, "password-reset");
	}

	static String path(MimeMessage message, String prefix) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile("https?://[^\\s\"<>/]+(/" + prefix + "/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(matcher.find()).as("link in " + body).isTrue();
		return matcher.group(1);
	}

}
