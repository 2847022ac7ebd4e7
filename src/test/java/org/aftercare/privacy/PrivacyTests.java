package org.aftercare.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientId;
import org.aftercare.account.PasswordResetRequested;
import org.aftercare.triage.FlagId;
import org.aftercare.patient.PatientService;
import org.aftercare.patient.PatientSummary;
import org.aftercare.report.Confounder;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.triage.FlagRaised;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class PrivacyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	PatientService patients;

	@Autowired
	TreatmentService treatments;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRepository publications;

	@Test
	void patientDownloadsAllTheirDataAsJsonAndNobodyElses() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String mine = "my own words " + UUID.randomUUID();
		report(world.clinicId(), world.patient().patientId(), mine);
		UUID neighbour = neighbour(world);
		String theirs = "a neighbour's words " + UUID.randomUUID();
		report(world.clinicId(), neighbour, theirs);
		World elsewhere = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String elsewhereWords = "another clinic's words " + UUID.randomUUID();
		report(elsewhere.clinicId(), elsewhere.patient().patientId(), elsewhereWords);

		String json = this.mvc.perform(get("/me/data.json").with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains(world.patientEmail())
			.contains(world.patient().displayName().split(" ")[0])
			.contains("GLABELLAR_LINES")
			.contains(mine + " notes")
			.contains(mine + " medicines")
			.contains(mine + " other")
			.contains("POOR_SLEEP")
			.contains("\"checkIns\"")
			.contains("SEVERE")
			.contains("\"status\":\"OPEN\"")
			.doesNotContain(theirs)
			.doesNotContain(neighbour.toString())
			.doesNotContain(elsewhereWords)
			.doesNotContain(elsewhere.patientEmail());
		assertThat(auditCount(world.clinicId(), world.patient().patientId(), "PATIENT_DATA_EXPORTED")).isEqualTo(1);
	}

	@Test
	void patientDownloadsOneCsvRowPerSymptomEntryWithFormulasNeutralised() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		report(world.clinicId(), world.patient().patientId(), "=HYPERLINK(\"http://evil.test\")");
		report(world.clinicId(), neighbour(world), "neighbour-only");

		String csv = this.mvc.perform(get("/me/data.csv").with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("treatment_id,treated_at_utc,product,report_id");
		// Two entries (trouble swallowing and the "other" symptom) in one report.
		assertThat(lines).hasSize(3);
		assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain("neighbour-only");
		assertThat(auditCount(world.clinicId(), world.patient().patientId(), "PATIENT_DATA_EXPORTED")).isEqualTo(1);
	}

	@Test
	void staffCannotDownloadAPatientsExport() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/me/data.json").with(user(world.clinician()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/me/data.csv").with(user(admin(world.clinicId())))).andExpect(status().isForbidden());
		this.mvc.perform(get("/me/data.json")).andExpect(status().is3xxRedirection());
	}

	@Test
	void erasureNeedsTheBoxTickedAndACsrfToken() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/me/erasure").with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/me/data.json")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/me/erasure").with(user(world.patient())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please tick the box")));
		assertThat(waiting(world)).isZero();
	}

	@Test
	void approvedErasurePseudonymisesThePatientClosesTheirLoginAndKeepsTheCounts() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID patientId = world.patient().patientId();
		String words = "erase-me " + UUID.randomUUID();
		report(world.clinicId(), patientId, words);
		String name = world.patient().displayName();
		Cookie session = login(world.patientEmail());
		CurrentUser admin = admin(world.clinicId());
		this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andExpect(content().string(containsString(name)));
		Map<String, Long> before = counts(world.clinicId(), patientId);

		this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/erasure"));
		this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/erasure"));
		assertThat(waiting(world)).as("asking twice is one request").isOne();
		this.mvc.perform(get("/me/erasure").with(user(world.patient())))
			.andExpect(content().string(containsString("id=\"erasure-waiting\"")));
		UUID requestId = requestId(world);

		this.mvc.perform(get("/admin/erasure-requests").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(post("/admin/erasure-requests/" + requestId + "/approve").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/erasure-requests"));

		// The login is closed: no new sign-in, and the open session has ended.
		this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.patientEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().is3xxRedirection());
		Map<String, Object> account = this.jdbc
			.sql("SELECT email, display_name, password_hash, enabled FROM user_account WHERE patient_id = ?")
			.param(patientId)
			.query()
			.singleRow();
		assertThat(account.get("email")).isEqualTo("erased-" + patientId + "@invalid");
		assertThat(account.get("display_name")).isEqualTo("Erased Patient");
		assertThat(account.get("password_hash")).isNull();
		assertThat(account.get("enabled")).isEqualTo(false);

		// Who they were is gone from the clinic's lists.
		this.mvc.perform(get("/clinician/patients").with(user(world.clinician())))
			.andExpect(content().string(not(containsString(name))))
			.andExpect(content().string(containsString("Erased Patient")));
		this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andExpect(content().string(not(containsString(name))));
		PatientSummary erased = this.patients.find(world.clinic(), new PatientId(patientId)).orElseThrow();
		assertThat(erased.fullName()).isEqualTo("Erased Patient");
		assertThat(erased.intake().email()).isEqualTo("erased-" + patientId + "@invalid");
		assertThat(erased.intake().dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(erased.intake().concerns()).isNull();
		assertThat(erased.intake().currentMedicines()).isNull();
		assertThat(erased.intake().phone()).isNull();

		// What they wrote is gone everywhere, flag evidence included.
		assertThat(this.reports.history(world.clinic(), new PatientId(patientId))).allSatisfy((report) -> {
			assertThat(report.notes()).isNull();
			assertThat(report.medicines()).isNull();
			assertThat(report.entries()).allSatisfy((entry) -> assertThat(entry.otherDescription()).isNull());
		});
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM flag_evidence fe JOIN flag f ON f.clinic_id = fe.clinic_id AND f.id = fe.flag_id
				 WHERE f.patient_id = ? AND (fe.evidence LIKE ? OR f.evidence LIKE ?)""")
			.params(patientId, "%" + words + "%", "%" + words + "%")
			.query(Long.class)
			.single()).isZero();

		// The de-identified counts and the audit trail remain.
		Map<String, Long> after = counts(world.clinicId(), patientId);
		assertThat(after).containsAllEntriesOf(Map.of("reports", before.get("reports"), "entries",
				before.get("entries"), "flags", before.get("flags"), "treatments", before.get("treatments")));
		assertThat(after.get("audit")).isGreaterThan(before.get("audit"));
		assertThat(auditCount(world.clinicId(), patientId, "ERASURE_REQUESTED")).isOne();
		assertThat(auditCount(world.clinicId(), patientId, "ERASURE_APPROVED")).isOne();
		assertThat(auditCount(world.clinicId(), patientId, "REPORT_SUBMITTED")).isOne();

		// Decided once.
		this.mvc.perform(post("/admin/erasure-requests/" + requestId + "/approve").with(user(admin)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void approvedErasureAlsoErasesCliniciansNotesPendingEventsAndLoginTraces() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID patientId = world.patient().patientId();
		report(world.clinicId(), patientId, "words " + UUID.randomUUID());
		UUID flag = flagOf(world.clinicId(), patientId);
		String note = "Rang " + world.patient().displayName() + " at home " + UUID.randomUUID();
		flagAction(world, flag, "contact", "kind", "CALLED", "note", note + " contact");
		flagAction(world, flag, "follow-up", "note", note + " follow-up");
		flagAction(world, flag, "resolve", "outcome", "RESOLVED", "causality", "POSSIBLE", "seriousness", "NON_SERIOUS",
				"note", note + " resolution");
		// A neighbour's flag, noted too: it keeps its note.
		UUID neighbour = neighbour(world);
		report(world.clinicId(), neighbour, "neighbour " + UUID.randomUUID());
		UUID neighbourFlag = flagOf(world.clinicId(), neighbour);
		flagAction(world, neighbourFlag, "contact", "kind", "MESSAGED", "note", note + " neighbour");

		// Traces of the login: a reset link (used up by nobody), a failed login, an
		// invitation row, and an e-mail that failed and waits to be sent again.
		this.mvc.perform(post("/password-reset").with(csrf()).param("email", world.patientEmail()))
			.andExpect(redirectedUrl("/password-reset?sent"));
		this.mvc
			.perform(formLogin("/login").userParameter("email").user(world.patientEmail()).password("not it at all"))
			.andExpect(redirectedUrl("/login?error"));
		String emailKey = sha256(world.patientEmail().toLowerCase(java.util.Locale.ROOT));
		// E-mails that failed and wait: one to their address (written in other letters),
		// an alert about them, and the same for someone else and for the neighbour.
		Instant expires = Instant.now().plus(Duration.ofMinutes(30));
		UUID pending = publication(new PasswordResetRequested(world.clinic(),
				new AccountId(world.patient().accountId()), world.patientEmail().toUpperCase(java.util.Locale.ROOT),
				world.patient().displayName(), "token", expires, "en"));
		UUID pendingAlert = publication(new FlagRaised(new FlagId(flag), world.clinic(), new PatientId(patientId),
				"R12_UNUSUAL", Priority.HIGH, false));
		UUID unrelated = publication(new PasswordResetRequested(world.clinic(), new AccountId(UUID.randomUUID()),
				"someone-else@test.aftercare", "Someone Else", "token", expires, "en"));
		UUID unrelatedAlert = publication(new FlagRaised(new FlagId(neighbourFlag), world.clinic(),
				new PatientId(neighbour), "R12_UNUSUAL", Priority.HIGH, false));
		try {
			assertThat(count("SELECT count(*) FROM password_reset WHERE clinic_id = ? AND account_id = ?",
					world.clinicId(), world.patient().accountId()))
				.isOne();
			assertThat(this.jdbc.sql("SELECT count(*) FROM login_attempt WHERE email_hash = ?")
				.param(emailKey)
				.query(Long.class)
				.single()).isPositive();
			long actionsBefore = count("SELECT count(*) FROM flag_action WHERE clinic_id = ? AND flag_id = ?",
					world.clinicId(), flag);

			CurrentUser admin = admin(world.clinicId());
			this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())).with(csrf()))
				.andExpect(redirectedUrl("/me/erasure"));
			this.mvc
				.perform(
						post("/admin/erasure-requests/" + requestId(world) + "/approve").with(user(admin)).with(csrf()))
				.andExpect(redirectedUrl("/admin/erasure-requests"));

			// What clinicians wrote about the patient is gone; what they did and
			// concluded remains.
			assertThat(this.jdbc.sql("SELECT resolution_note FROM flag WHERE id = ?")
				.param(flag)
				.query(String.class)
				.single()).isEqualTo("[erased]");
			Map<String, String> details = new java.util.HashMap<>();
			this.jdbc.sql("SELECT action, detail FROM flag_action WHERE clinic_id = ? AND flag_id = ?")
				.params(world.clinicId(), flag)
				.query((rs, n) -> details.put(rs.getString(1), rs.getString(2)))
				.list();
			assertThat(details).containsEntry("CONTACT_CALLED", "[erased]")
				.containsEntry("FOLLOW_UP_REQUESTED", "[erased]")
				.containsEntry("RESOLVED", "RESOLVED, POSSIBLE, NON_SERIOUS: [erased]");
			assertThat(count("SELECT count(*) FROM flag_action WHERE clinic_id = ? AND flag_id = ?", world.clinicId(),
					flag))
				.isEqualTo(actionsBefore);
			assertThat(this.jdbc.sql("SELECT outcome || ' ' || causality || ' ' || seriousness FROM flag WHERE id = ?")
				.param(flag)
				.query(String.class)
				.single()).isEqualTo("RESOLVED POSSIBLE NON_SERIOUS");
			assertThat(this.jdbc.sql("SELECT detail FROM flag_action WHERE flag_id = ? AND action = 'CONTACT_MESSAGED'")
				.param(neighbourFlag)
				.query(String.class)
				.single()).isEqualTo(note + " neighbour");
			// The audit trail never held the notes: it keeps who did what, and the
			// conclusion.
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND strpos(coalesce(detail, ''), ?) > 0")
				.params(world.clinicId(), note)
				.query(Long.class)
				.single()).isZero();
			assertThat(auditCount(world.clinicId(), patientId, "FLAG_CONTACT_CALLED")).isOne();
			assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE patient_id = ? AND action = 'FLAG_RESOLVED'")
				.param(patientId)
				.query(String.class)
				.single()).isEqualTo("RESOLVED, POSSIBLE, NON_SERIOUS");

			// The pending e-mails about them are dropped; others' stay.
			assertThat(this.jdbc.sql("SELECT id FROM event_publication WHERE id IN (?, ?, ?, ?)")
				.params(pending, pendingAlert, unrelated, unrelatedAlert)
				.query(UUID.class)
				.list()).containsExactlyInAnyOrder(unrelated, unrelatedAlert);
			assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE strpos(serialized_event, ?) > 0")
				.param(patientId.toString())
				.query(Long.class)
				.single()).isZero();

			// No link, attempt, lock or request is left under their address.
			assertThat(count("SELECT count(*) FROM password_reset WHERE clinic_id = ? AND account_id = ?",
					world.clinicId(), world.patient().accountId()))
				.isZero();
			assertThat(count("SELECT count(*) FROM invitation WHERE clinic_id = ? AND account_id = ?", world.clinicId(),
					world.patient().accountId()))
				.isZero();
			for (String table : List.of("login_attempt", "password_reset_request")) {
				assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE email_hash = ?")
					.param(emailKey)
					.query(Long.class)
					.single()).as(table).isZero();
			}
			assertThat(this.jdbc.sql("SELECT count(*) FROM login_lock WHERE subject = ?")
				.param(emailKey)
				.query(Long.class)
				.single()).isZero();
			assertThat(auditCount(world.clinicId(), patientId, "ERASURE_APPROVED")).isOne();
			assertThat(auditCount(world.clinicId(), patientId, "PASSWORD_RESET_REQUESTED")).isOne();
		}
		finally {
			this.jdbc.sql("DELETE FROM event_publication WHERE id IN (?, ?, ?, ?)")
				.params(pending, pendingAlert, unrelated, unrelatedAlert)
				.update();
		}
	}

	private UUID flagOf(UUID clinicId, UUID patientId) {
		return this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ? LIMIT 1")
			.params(clinicId, patientId)
			.query(UUID.class)
			.single();
	}

	private void flagAction(World world, UUID flag, String action, String... params) throws Exception {
		long version = this.jdbc.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
		var request = post("/clinician/flags/" + flag + "/" + action).with(user(world.clinician()))
			.with(csrf())
			.param("version", String.valueOf(version));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	/** An event publication whose listener has not succeeded yet. */
	private UUID publication(Object event) {
		TargetEventPublication publication = TargetEventPublication.of(event,
				PublicationTargetIdentifier.of("test.listener"));
		this.publications.create(publication);
		return publication.getIdentifier();
	}

	private static String sha256(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void declinedErasureChangesNothing() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID patientId = world.patient().patientId();
		String words = "keep-me " + UUID.randomUUID();
		report(world.clinicId(), patientId, words);
		this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/erasure"));
		this.mvc
			.perform(
					post("/admin/erasure-requests/" + requestId(world) + "/decline").with(user(admin(world.clinicId())))
						.with(csrf()))
			.andExpect(redirectedUrl("/admin/erasure-requests"));

		assertThat(waiting(world)).isZero();
		assertThat(this.patients.find(world.clinic(), new PatientId(patientId)).orElseThrow().fullName())
			.isEqualTo(world.patient().displayName());
		assertThat(this.reports.history(world.clinic(), new PatientId(patientId)).get(0).notes())
			.isEqualTo(words + " notes");
		login(world.patientEmail());
		assertThat(auditCount(world.clinicId(), patientId, "ERASURE_DECLINED")).isOne();
		this.mvc.perform(get("/me/erasure").with(user(world.patient())))
			.andExpect(content().string(containsString("name=\"confirm\"")));
	}

	@Test
	void onlyAnAdminOfThePatientsClinicDecides() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(post("/me/erasure").param("confirm", "true").with(user(world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/erasure"));
		UUID requestId = requestId(world);
		String name = world.patient().displayName();

		this.mvc.perform(get("/admin/erasure-requests").with(user(world.clinician())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/erasure-requests/" + requestId + "/approve").with(user(world.clinician()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/erasure-requests/" + requestId + "/approve").with(user(world.patient())).with(csrf()))
			.andExpect(status().isForbidden());
		CurrentUser otherAdmin = admin(other.clinicId());
		this.mvc.perform(get("/admin/erasure-requests").with(user(otherAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(name))));
		this.mvc.perform(post("/admin/erasure-requests/" + requestId + "/approve").with(user(otherAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/erasure-requests/" + requestId + "/decline").with(user(otherAdmin)).with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(waiting(world)).isOne();
		assertThat(this.patients.find(world.clinic(), world.patientId()).orElseThrow().fullName()).isEqualTo(name);
	}

	/**
	 * A report with an emergency symptom and a severe "other" one, in the patient's
	 * words.
	 */
	private void report(UUID clinicId, UUID patientId, String words) {
		Instant started = Instant.now().minus(Duration.ofHours(3));
		this.reports.submit(new NewReport(new ClinicId(clinicId), new PatientId(patientId), UUID.randomUUID(), List.of(
				new NewEntry(Symptom.TROUBLE_SWALLOWING, null, 6, 2, started, true, null, null, null, null, null),
				new NewEntry(Symptom.OTHER, words + " other", 9, 3, started, true, null, null, null, null, null)),
				Set.of(Confounder.POOR_SLEEP), words + " medicines", null, false, false, words + " notes"));
	}

	/** A second treated patient in the same clinic. */
	private UUID neighbour(World world) {
		String email = "neighbour-" + UUID.randomUUID() + "@test.aftercare";
		UUID patientId = this.patients
			.enrol(world.clinic(),
					new Intake("Neigh", "Bour", LocalDate.of(1970, 5, 5), email, null, false, false, null, false, false,
							false, false, false, false, false, false, false, null, null))
			.value();
		this.treatments.record(world.clinic(),
				new NewTreatment(new PatientId(patientId), Product.ONABOTULINUMTOXINA, "LOT-N",
						new AccountId(world.clinician().accountId()), Instant.now().minus(Duration.ofDays(1)),
						Indication.COSMETIC, true,
						List.of(new AreaUnits(Area.GLABELLAR_LINES, new java.math.BigDecimal("20")))));
		return patientId;
	}

	static CurrentUser admin(UUID clinicId) {
		return new CurrentUser(UUID.randomUUID(), clinicId, null, "a@b.c", "Admin", Role.ADMIN, "Europe/London", null,
				true);
	}

	private Cookie login(String email) throws Exception {
		Cookie cookie = this.mvc
			.perform(formLogin("/login").userParameter("email").user(email).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(cookie).isNotNull();
		this.mvc.perform(get("/me").cookie(cookie)).andExpect(status().isOk());
		return cookie;
	}

	private long waiting(World world) {
		return this.jdbc
			.sql("SELECT count(*) FROM erasure_request WHERE clinic_id = ? AND patient_id = ? AND decision IS NULL")
			.params(world.clinicId(), world.patient().patientId())
			.query(Long.class)
			.single();
	}

	private UUID requestId(World world) {
		return this.jdbc
			.sql("SELECT id FROM erasure_request WHERE clinic_id = ? AND patient_id = ? AND decision IS NULL")
			.params(world.clinicId(), world.patient().patientId())
			.query(UUID.class)
			.single();
	}

	private long auditCount(UUID clinicId, UUID patientId, String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND patient_id = ? AND action = ?")
			.params(clinicId, patientId, action)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> counts(UUID clinicId, UUID patientId) {
		return Map.of("reports",
				count("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND patient_id = ?", clinicId,
						patientId),
				"entries",
				count("""
						SELECT count(*) FROM symptom_entry e JOIN symptom_report r ON r.clinic_id = e.clinic_id AND r.id = e.report_id
						 WHERE r.clinic_id = ? AND r.patient_id = ?""",
						clinicId, patientId),
				"flags", count("SELECT count(*) FROM flag WHERE clinic_id = ? AND patient_id = ?", clinicId, patientId),
				"treatments",
				count("SELECT count(*) FROM treatment WHERE clinic_id = ? AND patient_id = ?", clinicId, patientId),
				"audit",
				count("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND patient_id = ?", clinicId, patientId));
	}

	private long count(String sql, UUID clinicId, UUID patientId) {
		return this.jdbc.sql(sql).params(clinicId, patientId).query(Long.class).single();
	}

}
