package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.web.Dates;
import org.aftercare.web.SpanishPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A patient's e-mails are in their language, subject and both parts, with dates written
 * as that language writes them and in the clinic's time zone; what goes to the clinic's
 * staff stays English.
 */
@AftercareTest
class PatientMailLanguageTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	ClinicService clinics;

	@Autowired
	ReportService reports;

	@Autowired
	CheckInReminders reminders;

	@Autowired
	Dates dates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPatientEnrolledInSpanishGetsTheirInvitationInSpanishWithTheExpiryInSpanishAndTheClinicsZone()
			throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "lucia-" + UUID.randomUUID() + "@test.aftercare";
		String invited = this.mvc
			.perform(post("/clinician/enrol").with(user(world.clinician()))
				.with(csrf())
				.param("givenName", "Lucía")
				.param("familyName", "Moreno")
				.param("dateOfBirth", "1984-04-04")
				.param("email", email)
				.param("language", "es"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(invited).endsWith("/invited");
		assertThat(this.mvc.perform(get(invited).with(user(world.clinician())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Their pages and e-mails are in Spanish.");
		assertThat(this.jdbc.sql("SELECT language FROM user_account WHERE email = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("es");

		MimeMessage mail = await().atMost(WAIT).until(() -> first(email), (m) -> m != null);
		ClinicSummary clinic = this.clinics.get(world.clinic());
		assertThat(mail.getSubject()).isEqualTo(clinic.name() + " le invita a Aftercare");
		Instant expires = this.jdbc
			.sql("SELECT i.expires_at FROM invitation i JOIN user_account a ON a.id = i.account_id WHERE a.email = ?")
			.param(email)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		String expiry = this.dates.dateTime(expires, ZoneId.of(clinic.timeZone()), SPANISH);
		assertThat(expiry).doesNotContain("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
				"Dec");
		for (String part : parts(mail)) {
			assertThat(part).contains("Hola, Lucía Moreno:", "Establecer su contraseña",
					"El enlace funciona una vez, hasta el " + expiry + ".");
		}
		assertThat(english(mail, clinic.name(), email)).isEmpty();
		assertThat(parts(mail).get(1)).contains("lang=\"es\"");
	}

	@Test
	void checkInRemindersReachASpanishPatientInSpanish() throws Exception {
		World world = this.fixtures.world(Instant.now());
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()), SPANISH);
		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		remindAll();
		MimeMessage mail = await().atMost(WAIT).until(() -> first(world.patientEmail()), (m) -> m != null);
		String clinic = this.clinics.get(world.clinic()).name();
		assertThat(mail.getSubject()).isEqualTo(clinic + ": ¿cómo se encuentra hoy?");
		for (String part : parts(mail)) {
			assertThat(part).contains("Han pasado 2 horas desde su tratamiento.", "Responder al seguimiento",
					"Si tiene dificultad para tragar, respirar o hablar", "/c/");
		}
		assertThat(english(mail, clinic)).isEmpty();
	}

	@Test
	void passwordResetAndSignInLinksReachASpanishPatientInSpanish() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()), SPANISH);
		// Asked for from an English browser: the patient's language decides, not the
		// page's.
		this.mvc.perform(post("/password-reset").with(csrf())
			.header("Accept-Language", "en")
			.param("email", world.patientEmail())
			.with(remote()));
		MimeMessage reset = await().atMost(WAIT).until(() -> first(world.patientEmail()), (m) -> m != null);
		assertThat(reset.getSubject()).isEqualTo("Restablecer su contraseña de Aftercare");
		assertThat(parts(reset).get(0)).contains("Elegir una contraseña nueva", "El enlace funciona una vez, hasta el");

		this.mvc.perform(post("/login/link/send").with(csrf())
			.header("Accept-Language", "en")
			.param("email", world.patientEmail())
			.with(remote()));
		MimeMessage link = await().atMost(WAIT)
			.until(() -> NotificationTests.mailsTo(world.patientEmail()).size() == 2 ? mailsOf(world, 1) : null,
					(m) -> m != null);
		assertThat(link.getSubject()).isEqualTo("Su enlace para entrar en Aftercare");
		assertThat(parts(link).get(0)).contains("Entrar en Aftercare", "/login/link?token=");
	}

	@Test
	void alertsToTheClinicStayEnglishForASpanishPatient() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.accounts.changeLanguage(world.clinic(), new AccountId(world.patient().accountId()), SPANISH);
		this.reports.submit(NewReport.of(
				world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.TROUBLE_BREATHING,
						null, 6, 2, Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
				null));
		MimeMessage alert = await().atMost(WAIT).until(() -> first(world.clinicianEmail()), (m) -> m != null);
		assertThat(alert.getSubject()).startsWith("[Aftercare] EMERGENCY flag: ");
		assertThat(parts(alert).get(0)).contains("Open the flag");
	}

	/** English in the plain-text part (read as one paragraph) and in the HTML part. */
	private static List<String> english(MimeMessage mail, String... data) throws Exception {
		List<String> parts = parts(mail);
		List<String> found = new ArrayList<>(
				SpanishPages.englishIn("<p>" + HtmlUtils.htmlEscape(parts.get(0)) + "</p>", data));
		found.addAll(SpanishPages.englishIn(parts.get(1), data));
		return found;
	}

	private MimeMessage mailsOf(World world, int index) {
		return NotificationTests.mailsTo(world.patientEmail()).get(index);
	}

	private static MimeMessage first(String address) {
		List<MimeMessage> mails = NotificationTests.mailsTo(address);
		return mails.isEmpty() ? null : mails.get(0);
	}

	/** The plain-text and the HTML part, decoded. */
	static List<String> parts(Part part) throws Exception {
		List<String> texts = new ArrayList<>();
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				texts.addAll(parts(body));
			}
		}
		else if (content instanceof String text) {
			texts.add(text);
		}
		return texts;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor remote() {
		String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private void remindAll() {
		for (int i = 0; i < 100 && this.reminders.remindDue() > 0; i++) {
			// keep going: other tests leave due check-ins too
		}
	}

}
