package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.Role;
import org.aftercare.web.PageLanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The language switch on patients' pages: a signed-in patient's choice is saved on their
 * account (their pages and e-mails from then on, audited), anyone's is kept in a cookie
 * for the pages before signing in, the visitor comes back to the page they were on and
 * never to another site, and staff pages do not switch.
 */
@AftercareTest
class LanguageSwitchTests {

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
	void aSignedInPatientsSwitchIsSavedOnTheirAccountAuditedAndKeptAtTheirNextSignIn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Browser phone = new Browser("en");
		assertThat(phone.signIn(world.patientEmail()).getRedirectedUrl()).isEqualTo("/");
		assertThat(phone.perform(get("/me")).getContentAsString()).contains("lang=\"en\"", "My recovery");

		MockHttpServletResponse switched = phone
			.perform(post("/language").with(csrf()).param("language", "es").param("back", "/me/reports/new"));
		assertThat(switched.getRedirectedUrl()).isEqualTo("/me/reports/new");
		assertThat(language(world)).isEqualTo("es");
		assertThat(this.owner.sql(
				"SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'LANGUAGE_CHANGED' AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(String.class)
			.single()).isEqualTo("en -> es");
		assertThat(phone.perform(get("/me/reports/new")).getContentAsString()).contains("lang=\"es\"",
				"¿Cómo se encuentra?");

		// Another device, whose browser asks for English: the account's language wins.
		Browser laptop = new Browser("en");
		laptop.signIn(world.patientEmail());
		assertThat(laptop.perform(get("/me")).getContentAsString()).contains("lang=\"es\"", "Mi recuperación");

		// Switching back is saved too.
		phone.perform(post("/language").with(csrf()).param("language", "en").param("back", "/me"));
		assertThat(language(world)).isEqualTo("en");
		assertThat(phone.perform(get("/me")).getContentAsString()).contains("My recovery");
	}

	@Test
	void beforeSigningInTheChoiceIsKeptInACookieOverTheBrowsersLanguage() throws Exception {
		Browser browser = new Browser("en-GB,en;q=0.9");
		assertThat(browser.perform(get("/login")).getContentAsString()).contains("lang=\"en\"");
		MockHttpServletResponse switched = browser
			.perform(post("/language").with(csrf()).param("language", "es").param("back", "/login?logout"));
		assertThat(switched.getRedirectedUrl()).isEqualTo("/login?logout");
		Cookie cookie = switched.getCookie(PageLanguage.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("es");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(browser.perform(get("/login?logout")).getContentAsString()).contains("lang=\"es\"",
				"Ha cerrado la sesión.");
		assertThat(browser.perform(get("/password-reset")).getContentAsString()).contains("Restablecer la contraseña");
	}

	@Test
	void theSwitchNeverSendsTheVisitorToAnotherSite() throws Exception {
		for (String back : new String[] { "//evil.example/me", "https://evil.example/", "/\\evil.example",
				"javascript:alert(1)", "/me\r\nSet-Cookie: x=y", "" }) {
			MockHttpServletResponse response = this.mvc
				.perform(post("/language").with(csrf()).param("language", "es").param("back", back))
				.andReturn()
				.getResponse();
			assertThat(response.getRedirectedUrl()).as(back).isEqualTo("/");
		}
	}

	@Test
	void aLanguageTheAppDoesNotHaveChangesNothing() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		MockHttpServletResponse response = this.mvc.perform(
				post("/language").with(user(world.patient())).with(csrf()).param("language", "xx").param("back", "/me"))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/me");
		assertThat(response.getCookie(PageLanguage.COOKIE)).isNull();
		assertThat(language(world)).isEqualTo("en");
	}

	@Test
	void theSwitchNeedsTheFormsCsrfToken() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		assertThat(this.mvc.perform(post("/language").with(user(world.patient())).param("language", "es"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(language(world)).isEqualTo("en");
	}

	@Test
	void staffPagesHaveNoSwitchAndAStaffMembersChoiceChangesNothing() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String queue = this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queue).doesNotContain("action=\"/language\"");
		MockHttpServletResponse response = this.mvc
			.perform(post("/language").with(user(world.clinician()))
				.with(csrf())
				.param("language", "es")
				.param("back", "/clinician/flags"))
			.andReturn()
			.getResponse();
		assertThat(response.getCookie(PageLanguage.COOKIE)).isNull();
		assertThat(this.owner.sql("SELECT language FROM user_account WHERE id = ?")
			.param(world.clinician().accountId())
			.query(String.class)
			.single()).isEqualTo("en");
	}

	@Test
	void aPatientWhoSwitchesOnTheirInvitationKeepsTheLanguageTheyAcceptedIn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "ana-" + UUID.randomUUID() + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(world.clinic(),
					new Intake("Ana", "Ruiz", LocalDate.of(1990, 1, 1), email, null, false, false, null, false, false,
							false, false, false, false, false, false, false, null, null))
			.value();
		UUID accountId = this.accounts
			.invite(world.clinic(), email, "Ana Ruiz", Role.PATIENT, patientId, Locale.forLanguageTag("es"))
			.value();
		String token = InvitationMails.invitationToken(email);
		Browser browser = new Browser("es");
		assertThat(browser.perform(get("/invitation/" + token)).getContentAsString())
			.contains("Le damos la bienvenida");
		browser.perform(post("/language").with(csrf()).param("language", "en").param("back", "/invitation/" + token));
		assertThat(browser.perform(get("/invitation/" + token)).getContentAsString()).contains("Welcome, Ana Ruiz");
		browser.perform(post("/invitation/" + token).with(csrf())
			.param("password", "a long enough password")
			.param("confirmation", "a long enough password"));
		assertThat(this.owner.sql("SELECT language FROM user_account WHERE id = ?")
			.param(accountId)
			.query(String.class)
			.single()).isEqualTo("en");
		assertThat(browser.perform(get("/me")).getContentAsString()).contains("lang=\"en\"");
	}

	private String language(World world) {
		return this.owner.sql("SELECT language FROM user_account WHERE id = ?")
			.param(world.patient().accountId())
			.query(String.class)
			.single();
	}

	/**
	 * A browser: its own address, cookies kept across requests, its languages asked for.
	 */
	private final class Browser {

		private final String acceptLanguage;

		private final String ip = LoginThrottleTests.randomAddress();

		private final Map<String, Cookie> cookies = new LinkedHashMap<>();

		Browser(String acceptLanguage) {
			this.acceptLanguage = acceptLanguage;
		}

		MockHttpServletResponse signIn(String email) throws Exception {
			return perform(post("/login").with(csrf()).param("email", email).param("password", TestFixtures.PASSWORD));
		}

		MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
			request.header("Accept-Language", this.acceptLanguage).with((r) -> {
				r.setRemoteAddr(this.ip);
				return r;
			});
			if (!this.cookies.isEmpty()) {
				request.cookie(this.cookies.values().toArray(Cookie[]::new));
			}
			MockHttpServletResponse response = LanguageSwitchTests.this.mvc.perform(request).andReturn().getResponse();
			for (Cookie cookie : response.getCookies()) {
				this.cookies.put(cookie.getName(), cookie);
			}
			return response;
		}

	}

}
