package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.GreenMailEnvironment;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInId;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A check-in link answers its one check-in without signing in, and nothing else: opening
 * it answers nothing, a link that no longer works gets one calm page, guessing is
 * throttled, and its token never reaches the log.
 */
@AftercareTest
@ExtendWith(OutputCaptureExtension.class)
class CheckInLinkTests {

	private static final String UNUSABLE = "This link can no longer be used";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	CheckInLinks links;

	@Autowired
	TreatmentService treatments;

	@Autowired
	org.aftercare.account.AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	World world;

	/** Each test its own client address, so that one test's guesses throttle no other. */
	String ip;

	/** The session cookie of the link holder's browser, as it changes. */
	Cookie session;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now());
		// The 2-hour check-in has fallen due.
		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		this.ip = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void openingTheLinkAnswersNothingAndLeavesTheTokenOutOfTheNextUrl() throws Exception {
		String token = issueForFirstCheckIn();
		perform(get("/c/" + token)).andExpect(status().isFound())
			.andExpect(redirectedUrl("/check-in"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
		perform(get("/check-in")).andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(content().string(containsString("No new symptoms")))
			.andExpect(content().string(containsString("2 hours after your treatment")))
			.andExpect(content().string(not(containsString(token))))
			.andExpect(content().string(not(containsString(this.world.patient().displayName()))));
		assertThat(reportCount()).as("a GET answers nothing").isZero();
		assertThat(firstCheckInAnsweredAt()).isNull();
		assertThat(audit("CHECK_IN_LINK_OPENED")).hasSize(1);
	}

	@Test
	void oneTapAfterOpeningTheLinkRecordsNoNewSymptomsViaTheLinkAndShowsTheAdvice() throws Exception {
		open(issueForFirstCheckIn());
		perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()))
			.andExpect(redirectedUrl("/check-in/advice"));
		perform(get("/check-in/advice")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you")))
			.andExpect(content().string(containsString("Sign in to see your history")));
		var report = this.jdbc
			.sql("SELECT id, no_new_symptoms FROM symptom_report WHERE clinic_id = ? AND patient_id = ?")
			.params(this.world.clinicId(), this.world.patient().patientId())
			.query((rs, n) -> List.of(rs.getObject("id", UUID.class), rs.getBoolean("no_new_symptoms")))
			.single();
		assertThat(report.get(1)).isEqualTo(true);
		assertThat(firstCheckInAnsweredAt()).isNotNull();
		var submitted = this.jdbc.sql("""
				SELECT actor_id, actor_role, detail FROM audit_event
				WHERE clinic_id = ? AND action = 'REPORT_SUBMITTED' AND object_id = ?
				""")
			.params(this.world.clinicId(), report.get(0))
			.query((rs, n) -> List.of(rs.getObject("actor_id", UUID.class).toString(), rs.getString("actor_role"),
					rs.getString("detail")))
			.single();
		assertThat(submitted).containsExactly(this.world.patient().accountId().toString(), "PATIENT",
				"via check-in link");
	}

	@Test
	void aLinkAnswersOnceAndADoubleTapSavesOneReport() throws Exception {
		String token = issueForFirstCheckIn();
		open(token);
		String formToken = UUID.randomUUID().toString();
		perform(post("/check-in").with(csrf()).param("formToken", formToken))
			.andExpect(redirectedUrl("/check-in/advice"));
		perform(post("/check-in").with(csrf()).param("formToken", formToken))
			.andExpect(redirectedUrl("/check-in/advice"));
		assertThat(reportCount()).isEqualTo(1);
		// Another browser with the same e-mail, after the answer.
		this.session = null;
		perform(get("/c/" + token)).andExpect(status().isGone()).andExpect(content().string(containsString(UNUSABLE)));
		perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()))
			.andExpect(status().isGone());
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void aHeadacheReportedThroughTheLinkShowsItsAdvice() throws Exception {
		open(issueForFirstCheckIn());
		perform(get("/check-in/report")).andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/check-in/report\"")))
			// Photos need the patient signed in (their thumbnails are theirs alone).
			.andExpect(content().string(not(containsString("type=\"file\""))))
			.andExpect(content().string(not(containsString("multipart/form-data"))));
		// A moderate headache still going on: R5, reviewed within one business day.
		MockHttpServletRequestBuilder form = ReportRequests.report(this.world.patient())
			.entry(Symptom.HEADACHE, "startedAt", ReportRequests.local(Instant.now().minus(Duration.ofHours(1))))
			.buildViaLink();
		perform(form).andExpect(redirectedUrl("/check-in/advice"));
		perform(get("/check-in/advice")).andExpect(status().isOk())
			.andExpect(content().string(containsString("review your report")))
			.andExpect(content().string(containsString("Headache")));
		assertThat(firstCheckInAnsweredAt()).isNotNull();
		assertThat(this.jdbc.sql("SELECT count(*) FROM flag WHERE clinic_id = ? AND rule_code = 'R5_MODERATE_HEADACHE'")
			.param(this.world.clinicId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReportFormWithAMistakeThroughTheLinkComesBackWithTheInputKept() throws Exception {
		open(issueForFirstCheckIn());
		MockHttpServletRequestBuilder form = ReportRequests.report(this.world.patient())
			.entry(Symptom.HEADACHE, "severity", null)
			.with("notes", "worse behind my eyes")
			.buildViaLink();
		perform(form).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("worse behind my eyes")))
			.andExpect(content().string(containsString("action=\"/check-in/report\"")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void aLinkOpensNoOtherPage() throws Exception {
		UUID earlier = this.jdbc.sql("SELECT gen_random_uuid()").query(UUID.class).single();
		open(issueForFirstCheckIn());
		for (String page : List.of("/me", "/me/reports/new", "/me/reports/" + earlier, "/me/aftercare", "/me/data.json",
				"/account/password")) {
			perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
		// The advice page shows only the answer this link gave, and there is none yet.
		perform(get("/check-in/advice")).andExpect(redirectedUrl("/check-in"));
	}

	@Test
	void aLinkAnswersOnlyItsOwnPatientsCheckIn() throws Exception {
		World other = this.fixtures.world(Instant.now().minus(Duration.ofHours(2).plusMinutes(1)));
		open(issueForFirstCheckIn());
		perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()))
			.andExpect(redirectedUrl("/check-in/advice"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE patient_id = ?")
			.param(other.patient().patientId())
			.query(Long.class)
			.single()).isZero();
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void badLinksAllGetTheSameCalmPage() throws Exception {
		String token = issueForFirstCheckIn();
		String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
		for (String bad : List.of(tampered, org.aftercare.account.Tokens.newToken(), "short", token + "x")) {
			this.session = null;
			perform(get("/c/" + bad)).andExpect(status().isGone())
				.andExpect(header().string("Referrer-Policy", "no-referrer"))
				.andExpect(content().string(containsString(UNUSABLE)))
				.andExpect(content().string(containsString("href=\"/login\"")))
				.andExpect(content().string(containsString("Send me a new link")));
		}
		// No grant in the session: the pages of a link say the same.
		this.session = null;
		perform(get("/check-in")).andExpect(status().isGone()).andExpect(content().string(containsString(UNUSABLE)));
		assertThat(reportCount()).isZero();
	}

	@Test
	void anExpiredLinkGetsTheCalmPage() throws Exception {
		String token = issueForFirstCheckIn();
		// The clinic's window: 72 hours from when the check-in fell due.
		this.clock.advance(Duration.ofHours(72));
		perform(get("/c/" + token)).andExpect(status().isGone()).andExpect(content().string(containsString(UNUSABLE)));
	}

	@Test
	void theClinicsWindowSettingDecidesHowLongALinkWorks() throws Exception {
		this.jdbc.sql("UPDATE clinic SET check_in_link_hours = 1 WHERE id = ?").param(this.world.clinicId()).update();
		String token = issueForFirstCheckIn();
		this.clock.advance(Duration.ofMinutes(30));
		perform(get("/c/" + token)).andExpect(redirectedUrl("/check-in"));
		this.clock.advance(Duration.ofMinutes(31));
		perform(get("/check-in")).andExpect(status().isGone());
	}

	@Test
	void aLinkOfADisabledOrErasedLoginGetsTheCalmPage() throws Exception {
		String token = issueForFirstCheckIn();
		this.jdbc.sql("UPDATE user_account SET enabled = false WHERE id = ?")
			.param(this.world.patient().accountId())
			.update();
		perform(get("/c/" + token)).andExpect(status().isGone()).andExpect(content().string(containsString(UNUSABLE)));

		World erased = this.fixtures.world(Instant.now().minus(Duration.ofHours(2).plusMinutes(1)));
		String erasedToken = issue(erased, 0).orElseThrow();
		this.links.erase(new ClinicId(erased.clinicId()), new PatientId(erased.patient().patientId()));
		this.session = null;
		perform(get("/c/" + erasedToken)).andExpect(status().isGone());
	}

	@Test
	void aLinkWorksInABrowserWhoseSignInHasEnded() throws Exception {
		String token = issueForFirstCheckIn();
		perform(post("/login").with(csrf())
			.param("email", this.world.patientEmail())
			.param("password", TestFixtures.PASSWORD)).andExpect(redirectedUrl("/"));
		perform(get("/me")).andExpect(status().isOk());
		// Past the session's absolute lifetime (12 hours), still within the link's
		// window.
		this.clock.advance(Duration.ofHours(13));
		perform(get("/c/" + token)).andExpect(redirectedUrl("/check-in"));
		perform(get("/check-in")).andExpect(status().isOk())
			.andExpect(content().string(containsString("No new symptoms")));
		perform(get("/me")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anotherPatientSignedInOnTheBrowserCannotUseTheLink() throws Exception {
		World other = this.fixtures.world(Instant.now());
		String token = issueForFirstCheckIn();
		perform(get("/c/" + token).with(user(other.patient()))).andExpect(status().isGone());
		perform(get("/c/" + token).with(user(this.world.patient()))).andExpect(redirectedUrl("/check-in"));
	}

	@Test
	void guessingLinksIsThrottledPerClientAddress() throws Exception {
		String token = issueForFirstCheckIn();
		for (int i = 0; i < 20; i++) {
			this.session = null;
			perform(get("/c/" + org.aftercare.account.Tokens.newToken())).andExpect(status().isGone());
		}
		this.session = null;
		perform(get("/c/" + token)).andExpect(status().isGone());
		// Another address is not affected.
		this.ip = "10.78.0.1";
		perform(get("/c/" + token)).andExpect(redirectedUrl("/check-in"));
	}

	@Test
	void sendMeANewLinkSendsOneOnlyWhenACheckInIsOpenAndAnswersTheSameEitherWay() throws Exception {
		String token = issueForFirstCheckIn();
		// Answered with the patient's own sign-in: the link is used up; no check-in is
		// open.
		this.mvc
			.perform(post("/me/check-in").with(user(this.world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString()))
			.andExpect(status().isFound());
		perform(get("/c/" + token)).andExpect(status().isGone());
		perform(post("/check-in/new-link").with(csrf())).andExpect(redirectedUrl("/check-in/link-unusable"));
		String nothing = pageAfterNewLink();

		// A day later the day-1 check-in is open: the same page, and a new link by
		// e-mail.
		this.clock.advance(Duration.ofDays(1));
		this.session = null;
		perform(get("/c/" + token)).andExpect(status().isGone());
		perform(post("/check-in/new-link").with(csrf())).andExpect(redirectedUrl("/check-in/link-unusable"));
		assertThat(pageAfterNewLink()).isEqualTo(nothing);
		await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(this.world.patientEmail()).isEmpty());
		List<MimeMessage> mails = mailsTo(this.world.patientEmail());
		assertThat(mails).hasSize(1);
		String body = GreenMailUtil.getBody(mails.get(0));
		assertThat(body).contains("day 1").contains("/c/");
		String fresh = body.replaceAll("(?s).*/c/([A-Za-z0-9_-]{43}).*", "$1");
		this.session = null;
		perform(get("/c/" + fresh)).andExpect(redirectedUrl("/check-in"));
	}

	@Test
	void anInvitationSentWhileACheckInIsOpenCarriesALinkToIt() throws Exception {
		// A patient enrolled and treated who has not set a password yet.
		this.jdbc.sql("UPDATE user_account SET password_hash = NULL WHERE id = ?")
			.param(this.world.patient().accountId())
			.update();
		assertThat(this.accounts.resendInvitation(this.world.clinic(), this.world.patient().patientId())).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(this.world.patientEmail()).isEmpty());
		String body = GreenMailUtil.getBody(mailsTo(this.world.patientEmail()).get(0));
		assertThat(body).contains("/invitation/").contains("Answer today's check-in");
		String token = body.replaceAll("(?s).*/c/([A-Za-z0-9_-]{43}).*", "$1");
		open(token);
		perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()))
			.andExpect(redirectedUrl("/check-in/advice"));
		assertThat(firstCheckInAnsweredAt()).isNotNull();
	}

	@Test
	void theTokenNeverReachesTheLog(CapturedOutput output) throws Exception {
		String token = issueForFirstCheckIn();
		open(token);
		perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()));
		this.session = null;
		perform(get("/c/" + token));
		perform(get("/c/" + token.substring(1) + "Q"));
		assertThat(output.getAll()).contains("Across clinics: CHECK_IN_LINK")
			.doesNotContain(token)
			.doesNotContain(token.substring(1));
	}

	private String pageAfterNewLink() throws Exception {
		return perform(get("/check-in/link-unusable")).andExpect(status().isOk())
			.andExpect(content().string(containsString("a new link is on its way")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private void open(String token) throws Exception {
		perform(get("/c/" + token)).andExpect(redirectedUrl("/check-in"));
	}

	/** A request from the link holder's browser: its address and session cookie. */
	private org.springframework.test.web.servlet.ResultActions perform(MockHttpServletRequestBuilder request)
			throws Exception {
		request.with((r) -> {
			r.setRemoteAddr(this.ip);
			return r;
		});
		if (this.session != null) {
			request.cookie(this.session);
		}
		org.springframework.test.web.servlet.ResultActions result = this.mvc.perform(request);
		MvcResult done = result.andReturn();
		Cookie next = done.getResponse().getCookie("SESSION");
		if (next != null) {
			this.session = next;
		}
		return result;
	}

	private String issueForFirstCheckIn() {
		return issue(this.world, 0).orElseThrow();
	}

	private java.util.Optional<String> issue(World world, int index) {
		UUID checkIn = this.treatments.checkIns(world.clinic(), world.treatment()).get(index).id().value();
		return this.links.issue(world.clinic(), new CheckInId(checkIn));
	}

	private long reportCount() {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND patient_id = ?")
			.params(this.world.clinicId(), this.world.patient().patientId())
			.query(Long.class)
			.single();
	}

	private Instant firstCheckInAnsweredAt() {
		return this.treatments.checkIns(this.world.clinic(), this.world.treatment()).get(0).answeredAt();
	}

	private List<String> audit(String action) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE clinic_id = ? AND action = ?")
			.params(this.world.clinicId(), action)
			.query(String.class)
			.list();
	}

	private static List<MimeMessage> mailsTo(String address) {
		return java.util.Arrays.stream(GreenMailEnvironment.greenMail().getReceivedMessages()).filter((m) -> {
			try {
				return java.util.Arrays.stream(m.getAllRecipients())
					.anyMatch((a) -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

}
