package org.aftercare.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.account.InvitationMails;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.report.CheckInLinks;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.CheckInId;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page a patient sees, rendered for a patient whose language is Spanish, holds no
 * English: no word of English that is not also Spanish, and no sentence of the English
 * messages (a key missing from the Spanish file, text hard-coded in a template or in
 * Java, a page that ignored the language). Signed in, the patient's own language wins
 * over a browser that asks for English; before signing in, the browser's, or that of the
 * account a link belongs to.
 */
@AftercareTest
class PatientPagesInSpanishTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	@Autowired
	ReportService reports;

	@Autowired
	TreatmentService treatments;

	@Autowired
	CheckInLinks links;

	@Autowired
	JdbcClient jdbc;

	private World world;

	private CurrentUser patient;

	/** What the patient typed: shown as written, never translated (nor checked). */
	private static final String NOTES = "Me duele detrás del ojo derecho";

	@BeforeEach
	void aSpanishPatient() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.patient = spanish(this.world);
	}

	@Test
	void everySignedInPatientPageIsSpanishWhateverTheBrowserAsks() throws Exception {
		UUID report = this.reports.submit(
				NewReport
					.of(this.world.clinic(), this.world.patientId(), UUID.randomUUID(),
							List.of(new NewEntry(Symptom.EYELID_DROOP, null, 5, 2,
									Instant.now().minus(Duration.ofHours(3)), true, null, null, null, null, null)),
							NOTES))
			.value();
		UUID entry = this.jdbc.sql("SELECT id FROM symptom_entry WHERE clinic_id = ? AND report_id = ?")
			.params(this.world.clinicId(), report)
			.query(UUID.class)
			.single();
		askForAnUpdate();
		List<String> problems = new ArrayList<>();
		for (String path : List.of("/me", "/me/reports/new", "/me/reports/" + report,
				"/me/reports/" + report + "/advice", "/me/entries/" + entry + "/update", "/me/aftercare",
				"/me/check-in", "/me/erasure", "/account/password", "/account/passkeys", "/offline")) {
			check(problems, path,
					this.mvc.perform(get(path).with(user(this.patient)).header("Accept-Language", "en"))
						.andReturn()
						.getResponse());
		}
		assertThat(problems).isEmpty();
		// The chart's own words, drawn by its script from JSON.
		assertThat(this.mvc.perform(get("/me/recovery/chart").with(user(this.patient)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"dayLabel\":\"Días desde el tratamiento\"", "\"treatmentLabel\":\"Tratamiento\"",
					"Párpado caído");
	}

	@Test
	void formErrorsAreSpanishBesideTheirFieldsWithTheInputKept() throws Exception {
		List<String> problems = new ArrayList<>();
		int headache = Symptom.HEADACHE.ordinal();
		MockHttpServletResponse report = this.mvc
			.perform(post("/me/reports").with(user(this.patient))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("formToken", UUID.randomUUID().toString())
				.param("entries[" + headache + "].symptom", "HEADACHE")
				.param("entries[" + headache + "].chosen", "true")
				.param("entries[" + headache + "].startedAt", "not a date")
				.param("medicines", "ibuprofeno\u0000")
				.param("notes", NOTES))
			.andReturn()
			.getResponse();
		assertThat(report.getStatus()).isEqualTo(422);
		assertThat(HtmlUtils.htmlUnescape(report.getContentAsString())).contains(
				"Elija qué intensidad tuvo en su peor momento, de 0 a 10.", "Escriba la fecha y la hora en que empezó.",
				"Responda sí o no.", NOTES);
		check(problems, "POST /me/reports", report);
		MockHttpServletResponse password = this.mvc
			.perform(post("/account/password").with(user(this.patient))
				.with(csrf())
				.param("current", "")
				.param("password", "short")
				.param("confirmation", "short"))
			.andReturn()
			.getResponse();
		assertThat(password.getContentAsString()).contains("Escriba su contraseña actual.");
		check(problems, "POST /account/password", password);
		assertThat(problems).isEmpty();
	}

	@Test
	void pagesBeforeSigningInFollowABrowserThatAsksForSpanish() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String path : List.of("/login", "/login?error", "/login?logout", "/login?expired", "/login?linkSent",
				"/password-reset", "/password-reset?sent", "/password-reset/no-such-token", "/invitation/no-such-token",
				"/login/link?token=no-such-token", "/check-in/link-unusable", "/c/" + "x".repeat(43), "/offline")) {
			check(problems, path,
					this.mvc.perform(get(path).header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5"))
						.andReturn()
						.getResponse());
		}
		MockHttpServletResponse badEmail = this.mvc.perform(
				post("/password-reset").with(csrf()).header("Accept-Language", "es").param("email", "not an address"))
			.andReturn()
			.getResponse();
		assertThat(badEmail.getContentAsString()).contains("Revise este correo electrónico");
		check(problems, "POST /password-reset", badEmail);
		assertThat(problems).isEmpty();
	}

	/**
	 * The offline page the service worker keeps for Spanish, which it shows once a page
	 * in Spanish has been seen, whatever the phone's own language.
	 */
	@Test
	void theOfflinePageKeptForSpanishIsSpanishInAnEnglishBrowser() throws Exception {
		List<String> problems = new ArrayList<>();
		check(problems, "/offline/es",
				this.mvc.perform(get("/offline/es").header("Accept-Language", "en")).andReturn().getResponse());
		assertThat(problems).isEmpty();
	}

	@Test
	void aBrowserAskingForALanguageWeDoNotHaveGetsEnglish() throws Exception {
		String page = this.mvc.perform(get("/login").header("Accept-Language", "fr-FR,de;q=0.8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("lang=\"en\"", "Log in");
	}

	@Test
	void anInvitationIsInItsPatientsLanguageEvenInAnEnglishBrowser() throws Exception {
		String email = "invitada-" + UUID.randomUUID() + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(this.world.clinic(),
					new Intake("Lucía", "Moreno", LocalDate.of(1984, 4, 4), email, null, false, false, null, false,
							false, false, false, false, false, false, false, false, null, null))
			.value();
		this.accounts.invite(this.world.clinic(), email, "Lucía Moreno", Role.PATIENT, patientId,
				Locale.forLanguageTag("es"));
		String token = InvitationMails.invitationToken(email);
		Browser browser = new Browser("en");
		List<String> problems = new ArrayList<>();
		MockHttpServletResponse page = browser.perform(get("/invitation/" + token));
		assertThat(page.getContentAsString()).contains("Le damos la bienvenida, Lucía Moreno");
		check(problems, "/invitation/{token}", page, "Lucía Moreno");
		MockHttpServletResponse mismatch = browser.perform(post("/invitation/" + token).with(csrf())
			.param("password", "a long enough password")
			.param("confirmation", "another long password"));
		assertThat(mismatch.getContentAsString()).contains("Las dos contraseñas no coinciden.");
		check(problems, "POST /invitation/{token}", mismatch, "Lucía Moreno");
		assertThat(problems).isEmpty();
	}

	@Test
	void aCheckInLinksPagesAreInItsPatientsLanguageEvenInAnEnglishBrowser() throws Exception {
		CheckInId checkIn = this.treatments.checkIns(this.world.clinic(), this.world.treatment()).get(0).id();
		String token = this.links.issue(this.world.clinic(), checkIn).orElseThrow();
		Browser browser = new Browser("en");
		assertThat(browser.perform(get("/c/" + token)).getRedirectedUrl()).isEqualTo("/check-in");
		List<String> problems = new ArrayList<>();
		MockHttpServletResponse checkInPage = browser.perform(get("/check-in"));
		assertThat(checkInPage.getContentAsString()).contains("quiere saber cómo se encuentra");
		check(problems, "/check-in", checkInPage);
		check(problems, "/check-in/report", browser.perform(get("/check-in/report")));
		MockHttpServletResponse answered = browser
			.perform(post("/check-in").with(csrf()).param("formToken", UUID.randomUUID().toString()));
		assertThat(answered.getRedirectedUrl()).isEqualTo("/check-in/advice");
		check(problems, "/check-in/advice", browser.perform(get("/check-in/advice")));
		assertThat(problems).isEmpty();
	}

	@Test
	void theScannerFindsEnglishAndLeavesSpanishAndTheTypedTextAlone() {
		assertThat(SpanishPages.englishIn("<p>Please call your clinic</p>")).hasSize(3);
		assertThat(SpanishPages.englishIn("<button aria-label=\"Remove passkey\">x</button>")).isNotEmpty();
		assertThat(SpanishPages.englishIn("<p>Nothing to chart yet.</p>")).as("a sentence of the English messages")
			.isNotEmpty();
		assertThat(SpanishPages.englishIn("<p>Llame a su clínica si se encuentra mal.</p>")).isEmpty();
		assertThat(SpanishPages.englishIn("<p>Notas: the pain</p>", "the pain")).isEmpty();
	}

	private void check(List<String> problems, String path, MockHttpServletResponse response, String... data)
			throws Exception {
		String html = response.getContentAsString();
		if (!html.contains("lang=\"es\"")) {
			problems.add(path + " (" + response.getStatus() + ") is not marked lang=\"es\"");
		}
		List<String> data2 = new ArrayList<>(List.of(data));
		data2.add(NOTES);
		SpanishPages.englishIn(html, data2.toArray(String[]::new))
			.forEach((found) -> problems.add(path + " (" + response.getStatus() + "): " + found));
	}

	/** The clinic asks for an update, which the patient's page then shows. */
	private void askForAnUpdate() throws Exception {
		UUID flag = this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ? LIMIT 1")
			.params(this.world.clinicId(), this.patient.patientId())
			.query(UUID.class)
			.single();
		long version = this.jdbc.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
		this.mvc.perform(post("/clinician/flags/" + flag + "/follow-up").with(user(this.world.clinician()))
			.with(csrf())
			.param("version", String.valueOf(version)));
	}

	/**
	 * The world's patient, their login switched to Spanish as the switch would, and
	 * signed in as such.
	 */
	private CurrentUser spanish(World world) {
		CurrentUser english = world.patient();
		this.accounts.changeLanguage(world.clinic(), new AccountId(english.accountId()), Locale.forLanguageTag("es"));
		return new CurrentUser(english.accountId(), world.clinicId(), english.patientId(), english.getUsername(),
				english.displayName(), Role.PATIENT, "Europe/London", null, true, "es");
	}

	/** One browser: its session cookie kept across requests, its languages asked for. */
	private final class Browser {

		private final String acceptLanguage;

		private Cookie session;

		Browser(String acceptLanguage) {
			this.acceptLanguage = acceptLanguage;
		}

		MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
			request.header("Accept-Language", this.acceptLanguage);
			if (this.session != null) {
				request.cookie(this.session);
			}
			MockHttpServletResponse response = PatientPagesInSpanishTests.this.mvc.perform(request)
				.andReturn()
				.getResponse();
			Cookie renewed = response.getCookie("SESSION");
			if (renewed != null) {
				this.session = renewed;
			}
			return response;
		}

	}

}
