package org.aftercare.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.notification.NotificationTestsAccess;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff pages are English whatever the browser asks, show each patient's language, and
 * show what a Spanish-speaking patient typed as they typed it.
 */
@AftercareTest
class StaffPagesStayEnglishTests {

	private static final Pattern RESET = Pattern.compile("/password-reset/([A-Za-z0-9_-]{20,})");

	private static final String TYPED = "Me duele mucho detrás de los ojos";

	private static final String DESCRIBED = "Hormigueo en la frente";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClinicianWhoseBrowserAsksForSpanishReadsEnglishWithThePatientsLanguageAndWords() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()),
				Locale.forLanguageTag("es"));
		UUID report = this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.OTHER, DESCRIBED,
							5, 1, Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
					TYPED))
			.value();
		UUID flag = this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ?")
			.params(world.clinicId(), world.patient().patientId())
			.query(UUID.class)
			.single();
		String patient = "/clinician/patients/" + world.patient().patientId();
		for (String path : List.of("/clinician/flags", "/clinician/flags/" + flag, "/clinician/patients", patient,
				"/clinician/reports", "/clinician/reports/" + report, "/clinician/enrol", "/clinician/rules",
				"/account/password")) {
			String page = page(world, path);
			assertThat(page).as(path).contains("<html lang=\"en\"").doesNotContain("action=\"/language\"");
			assertThat(page).as(path).doesNotContain("Idioma", "Cerrar sesión", "Alertas", "Pacientes");
		}
		assertThat(page(world, "/clinician/flags")).contains("Flags to review");
		String flagPage = page(world, "/clinician/flags/" + flag);
		assertThat(flagPage).contains("<dt>Language</dt><dd id=\"patient-language\">Spanish</dd>",
				"Why it was flagged");
		assertThat(page(world, patient)).contains("id=\"patient-language\">Spanish</dd>");
		assertThat(page(world, "/clinician/patients?q=" + world.patient().displayName().split(" ")[0]))
			.contains("<td>Spanish</td>");
		assertThat(HtmlUtils.htmlUnescape(page(world, "/clinician/reports/" + report))).contains(TYPED, DESCRIBED,
				"Something else");
	}

	@Test
	void theEnrolmentFormOffersEachLanguageByItsEnglishNameStartingAtTheBrowsersOne() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String spanishBrowser = this.mvc
			.perform(get("/clinician/enrol").with(user(world.clinician())).header("Accept-Language", "es-ES"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanishBrowser).contains("Language of the patient&#39;s pages and e-mails",
				"<option value=\"en\">English</option>", "<option value=\"es\" selected=\"selected\">Spanish</option>");
		String englishBrowser = this.mvc
			.perform(get("/clinician/enrol").with(user(world.clinician())).header("Accept-Language", "en-US"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(englishBrowser).contains("<option value=\"en\" selected=\"selected\">English</option>");
	}

	@Test
	void aStaffMembersResetLinkOpensInEnglishAndTheirResetMailIsEnglish() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(post("/password-reset").with(csrf())
			.header("Accept-Language", "es")
			.param("email", world.clinicianEmail())
			.with((request) -> {
				request.setRemoteAddr("10.77." + (int) (Math.random() * 250) + ".9");
				return request;
			}));
		MimeMessage mail = await().atMost(Duration.ofSeconds(10))
			.until(() -> NotificationTestsAccess.mailsTo(world.clinicianEmail())
				.stream()
				.filter((m) -> GreenMailUtil.getBody(m).contains("/password-reset/"))
				.findFirst()
				.orElse(null), (m) -> m != null);
		assertThat(mail.getSubject()).isEqualTo("Reset your Aftercare password");
		Matcher token = RESET.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
		assertThat(token.find()).isTrue();
		String page = this.mvc.perform(get("/password-reset/" + token.group(1)).header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<html lang=\"en\"", "Choose a new password").doesNotContain("action=\"/language\"");
	}

	private String page(World world, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(world.clinician())).header("Accept-Language", "es-ES,es;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
