package org.aftercare.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A password with accents is the same password whether the keyboard sent "é" as one code
 * point or as "e" and a combining accent: wherever it is set and wherever it is checked.
 */
@AftercareTest
class PasswordNormalisationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	static final String COMPOSED = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e au g\u00e9ranium";

	static final String DECOMPOSED = "cafe\u0301 cre\u0300me bru\u0302le\u0301e au ge\u0301ranium";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	@Test
	void anAccountCreatedComposedSignsInDecomposedAndBack() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String composedEmail = "composed-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), composedEmail, COMPOSED, Role.CLINICIAN, "Composed", null);
		assertThat(login(composedEmail, DECOMPOSED).getRedirectedUrl()).isEqualTo("/");
		String decomposedEmail = "decomposed-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), decomposedEmail, DECOMPOSED, Role.CLINICIAN, "Decomposed", null);
		assertThat(login(decomposedEmail, COMPOSED).getRedirectedUrl()).isEqualTo("/");
		assertThat(login(decomposedEmail, "cafe crème brûlée au géranium").getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	@Test
	void aPasswordChangedDecomposedIsCheckedComposedAndTheTwoTypingsConfirmEachOther() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		Cookie session = login(world.patientEmail(), TestFixtures.PASSWORD).getCookie("SESSION");
		this.mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("current", TestFixtures.PASSWORD)
				.param("password", DECOMPOSED)
				.param("confirmation", COMPOSED))
			.andExpect(redirectedUrl("/account/password"));
		assertThat(login(world.patientEmail(), COMPOSED).getRedirectedUrl()).isEqualTo("/");
		// The current password, set decomposed, is recognised when typed composed.
		this.mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("current", COMPOSED)
				.param("password", TestFixtures.PASSWORD)
				.param("confirmation", TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/account/password"));
		assertThat(login(world.patientEmail(), TestFixtures.PASSWORD).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aPasswordResetComposedSignsInDecomposed() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(post("/password-reset").with(csrf()).param("email", world.patientEmail()).with((request) -> {
			request.setRemoteAddr(LoginThrottleTests.randomAddress());
			return request;
		}));
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
		String path = PasswordResetTests.resetPath(NotificationTestsAccess.mailsTo(world.patientEmail()).get(0));
		this.mvc.perform(post(path).with(csrf()).param("password", COMPOSED).param("confirmation", DECOMPOSED))
			.andExpect(redirectedUrl("/login?reset"));
		assertThat(login(world.patientEmail(), DECOMPOSED).getRedirectedUrl()).isEqualTo("/");
		assertThat(login(world.patientEmail(), COMPOSED).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anInvitationAcceptedDecomposedSignsInComposed() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "accents-" + UUID.randomUUID() + "@test.aftercare";
		UUID patient = this.patients
			.enrol(world.clinic(),
					new Intake("Ren\u00e9e", "Invited", LocalDate.of(1990, 1, 1), email, null, false, false, null,
							false, false, false, false, false, false, false, false, false, null, null))
			.value();
		this.accounts.invite(world.clinic(), email, "Ren\u00e9e Invited", Role.PATIENT, patient);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == 1);
		String path = PasswordResetTests.path(NotificationTestsAccess.mailsTo(email).get(0), "invitation");
		this.mvc.perform(post(path).with(csrf()).param("password", DECOMPOSED).param("confirmation", COMPOSED));
		assertThat(login(email, COMPOSED).getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aTwoFactorChangeIsConfirmedWithThePasswordTypedEitherWay() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "staff-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), email, COMPOSED, Role.CLINICIAN, "Composed Staff", null);
		MockHttpServletResponse signedIn = login(email, DECOMPOSED);
		Cookie session = signedIn.getCookie("SESSION");
		String page = this.mvc.perform(get("/two-factor/enrol").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>")
			.matcher(page);
		assertThat(secret.find()).isTrue();
		String seed = secret.group(1).replace(" ", "");
		this.mvc
			.perform(post("/two-factor/enrol").cookie(session)
				.with(csrf())
				.param("code", Totp.code(Totp.fromBase32(seed), Totp.step(Instant.now()))))
			.andExpect(redirectedUrl("/two-factor/recovery-codes"));
		String codes = this.mvc.perform(get("/two-factor/recovery-codes").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher recovery = java.util.regex.Pattern.compile("<code>([A-Z0-9-]{19})</code>")
			.matcher(codes);
		assertThat(recovery.find()).isTrue();
		this.mvc
			.perform(post("/account/two-factor/recovery-codes").cookie(session)
				.with(csrf())
				.param("password", DECOMPOSED)
				.param("code", recovery.group(1)))
			.andExpect(redirectedUrl("/two-factor/recovery-codes"));
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
