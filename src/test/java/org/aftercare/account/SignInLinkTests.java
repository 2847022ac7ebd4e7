package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.notification.NotificationTestsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "E-mail me a sign-in link": patients only, one answer for every address, a link that
 * works once for 15 minutes, opened without signing in, and kept only as a hash.
 */
@AftercareTest
@ExtendWith(OutputCaptureExtension.class)
class SignInLinkTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>/]+/login/link\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The schema's owner, past row-level security: to plant a link the app never issues.
	 */
	private final JdbcClient owner = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void loginPageOffersASignInLinkBelowThePasswordForm() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("E-mail me a sign-in link", "action=\"/login/link/send\"", "name=\"_csrf\"");
		assertThat(page.indexOf("action=\"/login/link/send\"")).isGreaterThan(page.indexOf("action=\"/login\""));
	}

	@Test
	void everyAddressGetsTheSameAnswerAndOnlyAnEnabledPatientGetsALink() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.owner.sql("UPDATE user_account SET enabled = false WHERE id = ?")
			.param(other.patient().accountId())
			.update();
		String unknown = "nobody-" + UUID.randomUUID() + "@test.aftercare";
		MockHttpServletResponse known = ask(world.patientEmail(), LoginThrottleTests.randomAddress());
		for (String address : List.of(unknown, world.clinicianEmail(), other.patientEmail())) {
			sameAnswer(ask(address, LoginThrottleTests.randomAddress()), known);
		}
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
		assertThat(NotificationTestsAccess.mailsTo(world.patientEmail()).get(0).getSubject())
			.isEqualTo("Your Aftercare sign-in link");
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(unknown).isEmpty()
					&& NotificationTestsAccess.mailsTo(world.clinicianEmail()).isEmpty()
					&& NotificationTestsAccess.mailsTo(other.patientEmail()).isEmpty());
		assertThat(linksOf(world.clinician().accountId())).isZero();
		assertThat(linksOf(other.patient().accountId())).isZero();
		// The staff member's request is in the clinic's audit trail.
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_REFUSED", world.clinician().accountId())).isOne();
	}

	@Test
	void thePageAfterAskingSaysTheSameForEveryoneAndKeepsTheAddressTyped() throws Exception {
		String unknown = "nobody-" + UUID.randomUUID() + "@test.aftercare";
		SignInBrowser browser = new SignInBrowser(this.mvc);
		MockHttpServletResponse asked = browser.perform(post("/login/link/send").with(csrf()).param("email", unknown));
		assertThat(asked.getRedirectedUrl()).isEqualTo("/login?linkSent");
		String page = browser.perform(get("/login?linkSent")).getContentAsString();
		assertThat(page)
			.contains("If that address has a patient account, we have sent it a link that works for 15 minutes")
			.contains("value=\"" + unknown + "\"");
	}

	@Test
	void aMalformedAddressIsShownBackWithAMessageAndNothingIsSent() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/login/link/send").with(csrf()).param("email", "not an address"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("value=\"not an address\"",
				"Please check this e-mail address");
	}

	@Test
	void theLinkSignsThePatientInOnceAndOnlyOnce() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());

		SignInBrowser phone = new SignInBrowser(this.mvc);
		MockHttpServletResponse page = phone.perform(get("/login/link").param("token", token));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getContentAsString()).contains("action=\"/login/link\"", "name=\"_csrf\"",
				"value=\"" + token + "\"", ">Sign in</button>");

		MockHttpServletResponse signedIn = phone.perform(post("/login/link").with(csrf()).param("token", token));
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
		assertThat(phone.perform(get("/")).getRedirectedUrl()).isEqualTo("/me");
		assertThat(phone.perform(get("/me")).getStatus()).isEqualTo(200);
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_USED", world.patient().accountId())).isOne();
		assertThat(audited(world.clinicId(), "LOGIN", world.patient().accountId())).isOne();

		SignInBrowser laptop = new SignInBrowser(this.mvc);
		MockHttpServletResponse again = laptop.perform(post("/login/link").with(csrf()).param("token", token));
		assertThat(again.getRedirectedUrl()).isEqualTo("/login/link/unusable");
		MockHttpServletResponse unusable = laptop.perform(get("/login/link/unusable"));
		assertThat(unusable.getStatus()).isEqualTo(410);
		assertThat(unusable.getContentAsString()).contains("This sign-in link can no longer be used",
				"href=\"/login#sign-in-link\"");
		assertThat(laptop.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
		assertThat(laptop.perform(get("/login/link").param("token", token)).getStatus()).isEqualTo(410);
	}

	@Test
	void twoClicksRacingSignInOnce() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<String>> clicks = List.of(1, 2, 3)
			.stream()
			.map((n) -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					return this.mvc.perform(post("/login/link").with(csrf()).param("token", token))
						.andReturn()
						.getResponse()
						.getRedirectedUrl();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}))
			.toList();
		start.countDown();
		List<String> landed = clicks.stream().map(CompletableFuture::join).toList();
		assertThat(landed).containsExactlyInAnyOrder("/", "/login/link/unusable", "/login/link/unusable");
	}

	@Test
	void openingTheLinkSignsNobodyIn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		SignInBrowser scanner = new SignInBrowser(this.mvc);
		assertThat(scanner.perform(get("/login/link").param("token", token)).getStatus()).isEqualTo(200);
		assertThat(scanner.perform(get("/login/link").param("token", token)).getStatus()).isEqualTo(200);
		assertThat(scanner.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_USED", world.patient().accountId())).isZero();
		// Still usable by the patient afterwards.
		SignInBrowser phone = new SignInBrowser(this.mvc);
		assertThat(phone.perform(post("/login/link").with(csrf()).param("token", token)).getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void theLinkExpiresAfterFifteenMinutes() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		SignInBrowser phone = new SignInBrowser(this.mvc);
		assertThat(phone.perform(get("/login/link").param("token", token)).getStatus()).isEqualTo(410);
		assertThat(phone.perform(post("/login/link").with(csrf()).param("token", token)).getRedirectedUrl())
			.isEqualTo("/login/link/unusable");
		assertThat(phone.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void anUnknownTokenGetsTheCalmPage() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/login/link").param("token", Tokens.newToken()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(410);
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getContentAsString()).contains("This sign-in link can no longer be used");
		assertThat(this.mvc.perform(post("/login/link").with(csrf()).param("token", "x".repeat(500)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login/link/unusable");
	}

	@Test
	void anAddressGetsThreeLinksAnHour() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = world.patientEmail();
		MockHttpServletResponse reference = ask("nobody-" + UUID.randomUUID() + "@test.aftercare",
				LoginThrottleTests.randomAddress());
		for (int i = 1; i <= 3; i++) {
			sameAnswer(ask(email, LoginThrottleTests.randomAddress()), reference);
			int sent = i;
			await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == sent);
		}
		sameAnswer(ask(email, LoginThrottleTests.randomAddress()), reference);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(email).size() == 3);
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_LIMITED", world.patient().accountId())).isOne();
		// Password resets are counted on their own.
		this.mvc.perform(post("/password-reset").with(csrf()).param("email", email));
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == 4);
		this.clock.advance(Duration.ofMinutes(61));
		sameAnswer(ask(email, LoginThrottleTests.randomAddress()), reference);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == 5);
	}

	@Test
	void aClientAddressThatAskedTwentyTimesAnHourGetsNoMoreLinks() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String ip = LoginThrottleTests.randomAddress();
		MockHttpServletResponse reference = null;
		for (int i = 0; i < 20; i++) {
			MockHttpServletResponse response = ask("probe-" + i + "-" + UUID.randomUUID() + "@test.aftercare", ip);
			reference = (reference == null) ? response : reference;
			sameAnswer(response, reference);
		}
		sameAnswer(ask(world.patientEmail(), ip), reference);
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).isEmpty());
		assertThat(linksOf(world.patient().accountId())).isZero();
		sameAnswer(ask(world.patientEmail(), LoginThrottleTests.randomAddress()), reference);
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(world.patientEmail()).size() == 1);
	}

	@Test
	void aStaffTokenPlantedInTheTableSignsNobodyIn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = plant(world.clinicId(), world.clinician().accountId());
		SignInBrowser desk = new SignInBrowser(this.mvc);
		assertThat(desk.perform(post("/login/link").with(csrf()).param("token", token)).getRedirectedUrl())
			.isEqualTo("/login/link/unusable");
		assertThat(desk.perform(get("/clinician/flags")).getRedirectedUrl()).endsWith("/login");
		assertThat(desk.perform(get("/two-factor")).getRedirectedUrl()).isEqualTo("/login");
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_REFUSED", world.clinician().accountId())).isOne();
		assertThat(audited(world.clinicId(), "LOGIN", world.clinician().accountId())).isZero();
	}

	@Test
	void aDisabledPatientsLinkIsRefused() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		this.owner.sql("UPDATE user_account SET enabled = false WHERE id = ?")
			.param(world.patient().accountId())
			.update();
		SignInBrowser phone = new SignInBrowser(this.mvc);
		assertThat(phone.perform(post("/login/link").with(csrf()).param("token", token)).getRedirectedUrl())
			.isEqualTo("/login/link/unusable");
		assertThat(phone.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
		assertThat(audited(world.clinicId(), "SIGN_IN_LINK_REFUSED", world.patient().accountId())).isOne();
	}

	@Test
	void onlyTheHashOfTheTokenIsStored() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		List<String> stored = this.owner.sql("SELECT token_hash FROM sign_in_link WHERE account_id = ?")
			.param(world.patient().accountId())
			.query(String.class)
			.list();
		assertThat(stored).containsExactly(Tokens.hash(token));
		assertThat(this.owner.sql("SELECT count(*) FROM sign_in_link s WHERE strpos(s::text, ?) > 0")
			.param(token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theTokenNeverReachesTheLog(CapturedOutput output) throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String token = requestLink(world.patientEmail());
		SignInBrowser phone = new SignInBrowser(this.mvc);
		phone.perform(get("/login/link").param("token", token));
		phone.perform(post("/login/link").with(csrf()).param("token", token));
		phone.perform(post("/login/link").with(csrf()).param("token", token));
		new SignInBrowser(this.mvc).perform(get("/login/link").param("token", token));
		assertThat(output.getAll()).contains("Sign-in link of account " + world.patient().accountId() + " used")
			.doesNotContain(token);
	}

	private String requestLink(String email) throws Exception {
		int before = NotificationTestsAccess.mailsTo(email).size();
		assertThat(ask(email, LoginThrottleTests.randomAddress()).getRedirectedUrl()).isEqualTo("/login?linkSent");
		await().atMost(WAIT).until(() -> NotificationTestsAccess.mailsTo(email).size() == before + 1);
		return token(NotificationTestsAccess.mailsTo(email).get(before));
	}

	static String token(MimeMessage message) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = LINK.matcher(body);
		assertThat(matcher.find()).as("link in " + body).isTrue();
		return matcher.group(1);
	}

	private MockHttpServletResponse ask(String email, String ip) throws Exception {
		return this.mvc.perform(post("/login/link/send").with(csrf()).param("email", email).with((request) -> {
			request.setRemoteAddr(ip);
			return request;
		})).andReturn().getResponse();
	}

	private static void sameAnswer(MockHttpServletResponse response, MockHttpServletResponse reference)
			throws Exception {
		assertThat(response.getStatus()).isEqualTo(reference.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo(reference.getRedirectedUrl()).isEqualTo("/login?linkSent");
		assertThat(response.getHeaderNames()).isEqualTo(reference.getHeaderNames());
		assertThat(response.getContentAsString()).isEqualTo(reference.getContentAsString());
	}

	private String plant(UUID clinicId, UUID accountId) {
		String token = Tokens.newToken();
		Instant now = this.clock.instant();
		this.owner.sql("""
				INSERT INTO sign_in_link (id, clinic_id, account_id, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), clinicId, accountId, Tokens.hash(token), Timestamp.from(now),
					Timestamp.from(now.plus(Duration.ofMinutes(15))))
			.update();
		return token;
	}

	private long linksOf(UUID accountId) {
		return this.owner.sql("SELECT count(*) FROM sign_in_link WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	private long audited(UUID clinicId, String action, UUID accountId) {
		return this.owner.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ? AND object_id = ?")
			.params(clinicId, action, accountId)
			.query(Long.class)
			.single();
	}

}
