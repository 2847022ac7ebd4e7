package org.aftercare.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.GreenMailEnvironment;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.account.AccountSummary;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class NotificationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Autowired
	PatientService patients;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void emergencyFlagAlertsTheCliniciansOnceWithNoHealthDetails() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		report(world, Symptom.TROUBLE_SWALLOWING);
		await().atMost(WAIT).until(() -> mailsTo(world.clinicianEmail()).size() == 1);
		MimeMessage alert = mailsTo(world.clinicianEmail()).get(0);
		String firstName = world.patient().displayName().split(" ")[0];
		assertThat(alert.getSubject()).isEqualTo("[Aftercare] EMERGENCY flag: " + firstName);
		String body = GreenMailUtil.getBody(alert);
		assertThat(body).contains("/clinician/flags/").contains(firstName);
		assertThat(body.toLowerCase()).doesNotContain("swallow").doesNotContain("ient");

		// The same rule met again at the same priority adds evidence but does not alert
		// again.
		report(world, Symptom.TROUBLE_SWALLOWING);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> mailsTo(world.clinicianEmail()).size() == 1);
	}

	@Test
	void withoutOnCallAddressesAlertsGoToTheCliniciansWhoCanSignInOnly() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String leaver = "leaver-" + UUID.randomUUID() + "@test.aftercare";
		UUID leaverId = this.accounts
			.create(world.clinic(), leaver, TestFixtures.PASSWORD, Role.CLINICIAN, "Dr Leaver", null)
			.value();
		this.accounts.setEnabled(world.clinic(), new AccountId(leaverId), false);
		String invited = "invited-clinician-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.invite(world.clinic(), invited, "Dr Invited", Role.CLINICIAN, null);
		String colleague = "colleague-" + UUID.randomUUID() + "@test.aftercare";
		this.accounts.create(world.clinic(), colleague, TestFixtures.PASSWORD, Role.CLINICIAN, "Dr Colleague", null);

		report(world, Symptom.TROUBLE_SWALLOWING);
		// One message to both: each inbox holds a copy.
		await().atMost(WAIT).until(() -> !mailsTo(world.clinicianEmail()).isEmpty() && !mailsTo(colleague).isEmpty());
		// A disabled login (a clinician who left) and one that was never activated get no
		// patient alerts; both still name their past treatments in the injector lists.
		assertThat(mailsTo(leaver)).isEmpty();
		assertThat(mailsTo(invited).stream().filter((m) -> subject(m).contains("flag"))).isEmpty();
		assertThat(this.accounts.clinicians(world.clinic())).extracting(AccountSummary::email)
			.contains(leaver, invited, colleague, world.clinicianEmail());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void mediumFlagsSendNoEmail() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		report(world, Symptom.EYELID_DROOP);
		report(world, Symptom.WHEEZING);
		await().atMost(WAIT).until(() -> mailsTo(world.clinicianEmail()).size() == 1);
		assertThat(mailsTo(world.clinicianEmail()).get(0).getSubject()).contains("EMERGENCY");
	}

	@Test
	void invitationLinkSetsThePasswordOnceAndSignsThePatientIn() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "invited-" + UUID.randomUUID() + "@test.aftercare";
		UUID patient = enrol(world, email, "Rosa");
		String link = await().atMost(WAIT).until(() -> invitationLink(email), (l) -> l != null);
		String path = link.substring(link.indexOf("/invitation/"));

		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welcome, Rosa")));
		this.mvc.perform(post(path).with(csrf()).param("password", "short").param("confirmation", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("between 12 and 128 characters")));
		this.mvc
			.perform(post(path).with(csrf())
				.param("password", "a long enough passphrase")
				.param("confirmation", "a long enough passphrase!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not the same")));
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post(path).session(session)
				.with(csrf())
				.param("password", "a long enough passphrase")
				.param("confirmation", "a long enough passphrase"))
			.andExpect(redirectedUrl("/"));
		assertThat(this.accounts.hasActivated(world.clinic(), patient)).isTrue();

		this.mvc.perform(get(path))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("used already")));
	}

	@Test
	void expiredAndReplacedLinksSayHowToGetANewOne() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "expired-" + UUID.randomUUID() + "@test.aftercare";
		UUID patient = enrol(world, email, "Ines");
		String first = await().atMost(WAIT).until(() -> invitationLink(email), (l) -> l != null);
		String firstPath = first.substring(first.indexOf("/invitation/"));

		assertThat(this.accounts.resendInvitation(world.clinic(), patient)).isTrue();
		await().atMost(WAIT).until(() -> mailsTo(email).size() == 2);
		this.mvc.perform(get(firstPath))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("has expired")))
			.andExpect(content().string(containsString("send you a new link")));

		String second = links(mailsTo(email).get(1)).get(0);
		String secondPath = second.substring(second.indexOf("/invitation/"));
		this.clock.advance(Duration.ofHours(72).plusMinutes(1));
		this.mvc.perform(get(secondPath)).andExpect(status().isGone());
		this.mvc.perform(get("/invitation/not-a-real-token")).andExpect(status().isGone());
	}

	@Test
	void clinicianResendsAnInvitation() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String email = "resend-" + UUID.randomUUID() + "@test.aftercare";
		UUID patient = enrol(world, email, "Noor");
		await().atMost(WAIT).until(() -> mailsTo(email).size() == 1);
		this.mvc.perform(post("/clinician/patients/" + patient + "/resend-invitation")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(world.clinician()))
			.with(csrf())).andExpect(redirectedUrl("/clinician/patients/" + patient));
		await().atMost(WAIT).until(() -> mailsTo(email).size() == 2);
	}

	private UUID enrol(World world, String email, String givenName) {
		UUID patient = this.patients
			.enrol(world.clinic(),
					new Intake(givenName, "Invited", LocalDate.of(1990, 1, 1), email, null, false, false, null, false,
							false, false, false, false, false, false, false, false, null, null))
			.value();
		this.accounts.invite(world.clinic(), email, givenName + " Invited", Role.PATIENT, patient);
		return patient;
	}

	private void report(World world, Symptom symptom) {
		this.reports.submit(
				NewReport.of(
						world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(symptom, null, 4,
								null, Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
						null));
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(GreenMailEnvironment.greenMail().getReceivedMessages()).filter((m) -> {
			try {
				Address[] to = m.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch((a) -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	static String invitationLink(String email) {
		List<MimeMessage> mails = mailsTo(email);
		return mails.isEmpty() ? null : links(mails.get(0)).get(0);
	}

	static List<String> links(MimeMessage message) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("https?://[^\\s\"<>]+/invitation/[A-Za-z0-9_-]+")
			.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
