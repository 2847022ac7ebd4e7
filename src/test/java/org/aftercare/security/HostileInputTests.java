package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input to every form and filter: script and attribute-breaking payloads, SQL
 * metacharacters, NUL and control characters, very long values and bodies, emoji and
 * right-to-left text, and fields the user may not set. Always a 4xx or the value ignored
 * or shown back escaped; never a 500; never a change the user may not make.
 */
@AftercareTest
class HostileInputTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";

	static final String SQL = "' OR 1=1 --";

	static final String NUL = "a\u0000b";

	static final String CONTROL = "a\u0007\u001b[31mb\u0008";

	static final String LONG = "x".repeat(10_000);

	static final String EMOJI_RTL = "Zoë 😀 مرحبا \u202Egnp.exe";

	static final List<String> PAYLOADS = List.of(SCRIPT, ATTRIBUTE, SQL, NUL, CONTROL, LONG, EMOJI_RTL);

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	private World own;

	private World other;

	private CurrentUser admin;

	private UUID ownFlag;

	private UUID ownEntry;

	private UUID otherFlag;

	@BeforeEach
	void twoClinics() {
		this.own = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.admin = new CurrentUser(UUID.randomUUID(), this.own.clinicId(), null, "admin@test.aftercare", "Admin",
				Role.ADMIN, "Europe/London", null, true);
		submit(this.own);
		submit(this.other);
		this.ownFlag = id("SELECT id FROM flag WHERE clinic_id = ?", this.own);
		this.ownEntry = id("SELECT id FROM symptom_entry WHERE clinic_id = ?", this.own);
		this.otherFlag = id("SELECT id FROM flag WHERE clinic_id = ?", this.other);
	}

	/**
	 * A form or filter: who uses it, where, a well-formed input, and the fields to
	 * attack.
	 */
	record Target(String name, CurrentUser user, HttpMethod method, String path, Supplier<Map<String, String>> valid,
			List<String> fields) {
	}

	private List<Target> targets() {
		String started = local(Instant.now().minus(Duration.ofHours(2)));
		return List.of(new Target("report form", this.own.patient(), HttpMethod.POST, "/me/reports",
				() -> map("formToken", UUID.randomUUID().toString(), "entries[0].symptom", "HEADACHE",
						"entries[0].chosen", "true", "entries[0].severity", "3", "entries[0].interference", "1",
						"entries[0].startedAt", started, "entries[0].ongoing", "true", "entries[0].suddenWorstEver",
						"false", "entries[0].feverOrStiffNeck", "false", "entries[0].neurologicalSigns", "false"),
				List.of("notes", "medicines", "otherCauses", "medicinesHelped", "formToken", "entries[0].severity",
						"entries[0].startedAt", "entries[0].symptom", "entries[0].otherDescription")),
				new Target("check-in", this.own.patient(), HttpMethod.POST, "/me/check-in",
						() -> map("formToken", UUID.randomUUID().toString()), List.of("formToken")),
				new Target("entry update", this.own.patient(), HttpMethod.POST,
						"/me/entries/" + this.ownEntry + "/update",
						() -> map("formToken", UUID.randomUUID().toString(), "severity", "2", "ongoing", "true"),
						List.of("severity", "ongoing", "stoppedAt", "formToken")),
				new Target("enrolment", this.own.clinician(), HttpMethod.POST, "/clinician/enrol",
						() -> map("givenName", "Ann", "familyName", "Lee", "dateOfBirth", "1980-01-01", "email",
								"hostile-" + UUID.randomUUID() + "@test.aftercare"),
						List.of("givenName", "familyName", "email", "phone", "currentMedicines", "concerns",
								"dateOfBirth", "baselineHeadacheDays", "hypertension")),
				new Target("treatment form", this.own.clinician(), HttpMethod.POST,
						"/clinician/patients/" + this.own.patient().patientId() + "/treatments/new",
						() -> map("product", "ONABOTULINUMTOXINA", "injectorId",
								this.own.clinician().accountId().toString(), "treatedAt", started, "indication",
								"COSMETIC", "intakeReviewed", "true", "areas[0].area", "GLABELLAR_LINES",
								"areas[0].units", "20"),
						List.of("lotNumber", "product", "injectorId", "treatedAt", "indication", "areas[0].area",
								"areas[0].units")),
				new Target("flag contact", this.own.clinician(), HttpMethod.POST,
						"/clinician/flags/" + this.ownFlag + "/contact",
						() -> map("version", String.valueOf(flagVersion()), "kind", "CALLED"),
						List.of("note", "kind", "version")),
				new Target("flag resolve", this.own.clinician(), HttpMethod.POST,
						"/clinician/flags/" + this.ownFlag + "/resolve",
						() -> map("version", String.valueOf(flagVersion()), "outcome", "RECOVERED", "causality",
								"POSSIBLE", "seriousness", "NOT_SERIOUS"),
						List.of("note", "outcome", "causality", "seriousness", "criteria", "version")),
				new Target("clinic settings", this.admin, HttpMethod.POST, "/admin/settings",
						() -> map("name", "Clinic", "phone", "+44 20 7946 0000", "emergencyNumber", "999", "timeZone",
								"Europe/London"),
						List.of("name", "phone", "emergencyNumber", "timeZone", "onCallEmails")),
				new Target("staff invitation", this.admin, HttpMethod.POST, "/admin/staff",
						() -> map("displayName", "Ann Staff", "email", "staff-" + UUID.randomUUID() + "@test.aftercare",
								"role", "CLINICIAN"),
						List.of("displayName", "email", "role")),
				new Target("triage settings", this.admin, HttpMethod.POST, "/admin/triage-settings", Map::of,
						List.of("severeSeverity", "lateOnsetHours", "patientUpdateHours")),
				new Target("aftercare sheet", this.admin, HttpMethod.POST, "/admin/aftercare", Map::of,
						List.of("text")),
				new Target("queue filter", this.own.clinician(), HttpMethod.GET, "/clinician/flags", Map::of,
						List.of("q", "priority", "view", "symptom", "product", "injector", "from", "to", "assigned",
								"after")),
				new Target("patient search", this.own.clinician(), HttpMethod.GET, "/clinician/patients", Map::of,
						List.of("q", "after")),
				new Target("report list", this.own.clinician(), HttpMethod.GET, "/clinician/reports", Map::of,
						List.of("q", "after", "from", "to")),
				new Target("analytics filter", this.own.clinician(), HttpMethod.GET, "/clinician/analytics", Map::of,
						List.of("from", "to", "dimension", "symptom")),
				new Target("analytics csv", this.own.clinician(), HttpMethod.GET, "/clinician/analytics.csv", Map::of,
						List.of("from", "to", "dimension", "symptom")),
				new Target("audit filter", this.admin, HttpMethod.GET, "/admin/audit", Map::of,
						List.of("action", "patient", "user", "from", "to", "before")),
				new Target("audit csv", this.admin, HttpMethod.GET, "/admin/audit.csv", Map::of,
						List.of("action", "patient", "from")),
				new Target("password reset request", null, HttpMethod.POST, "/password-reset", Map::of,
						List.of("email")),
				new Target("invitation", null, HttpMethod.POST, "/invitation/not-a-token", Map::of,
						List.of("password", "confirmation")),
				new Target("password change", this.own.patient(), HttpMethod.POST, "/account/password", Map::of,
						List.of("current", "password", "confirmation")),
				new Target("two-factor code", null, HttpMethod.POST, "/two-factor", Map::of, List.of("code")),
				new Target("two-factor replacement", this.own.clinician(), HttpMethod.POST,
						"/account/two-factor/replace", Map::of, List.of("password", "code")),
				new Target("two-factor recovery codes", this.own.clinician(), HttpMethod.POST,
						"/account/two-factor/recovery-codes", Map::of, List.of("password", "code")),
				new Target("two-factor off", this.own.clinician(), HttpMethod.POST, "/account/two-factor/disable",
						Map::of, List.of("password", "code")),
				new Target("two-factor reset", this.admin, HttpMethod.POST,
						"/admin/staff/" + this.own.clinician().accountId() + "/two-factor-reset", Map::of,
						List.of("confirm")),
				new Target("erasure request", this.own.clinician(), HttpMethod.GET,
						"/clinician/patients/" + this.own.patient().patientId(), Map::of, List.of("q")));
	}

	@Test
	void everyFormAndFilterRefusesOrEscapesHostileInputAndNeverFails() throws Exception {
		List<String> problems = new ArrayList<>();
		int echoedEscaped = 0;
		for (Target target : targets()) {
			for (String field : target.fields()) {
				for (String payload : PAYLOADS) {
					Map<String, String> params = new LinkedHashMap<>(massAssignment());
					params.putAll(target.valid().get());
					params.put(field, payload);
					MockHttpServletResponse response = send(target, params);
					String what = target.name() + " " + field + "=" + abbreviate(payload);
					int status = response.getStatus();
					if (status >= 500) {
						problems.add(what + ": " + status);
					}
					String body = response.getContentAsString();
					if (body.contains(SCRIPT) || body.contains("<img src=x onerror")) {
						problems.add(what + ": shown back unescaped");
					}
					if (body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) {
						echoedEscaped++;
					}
				}
			}
		}
		assertThat(problems).as("hostile input").isEmpty();
		assertThat(echoedEscaped).as("forms that keep the user's input show it back escaped").isPositive();
		nothingChangedThatMayNotChange();
	}

	@Test
	void aOneMegabyteBodyIsRefusedNotFailed() throws Exception {
		String huge = "y".repeat(1024 * 1024);
		for (Target target : targets()) {
			if (target.method() != HttpMethod.POST) {
				continue;
			}
			Map<String, String> params = new LinkedHashMap<>(target.valid().get());
			params.put(target.fields().get(0), huge);
			assertThat(send(target, params).getStatus()).as(target.name()).isLessThan(500);
		}
	}

	@Test
	void emojiAndRightToLeftTextAreKeptIntact() throws Exception {
		String email = "emoji-" + UUID.randomUUID() + "@test.aftercare";
		String given = "Zoë 😀";
		String family = "مرحبا";
		this.mvc
			.perform(request(HttpMethod.POST, "/clinician/enrol").with(user(this.own.clinician()))
				.with(csrf())
				.param("givenName", given)
				.param("familyName", family)
				.param("dateOfBirth", "1980-01-01")
				.param("email", email)
				.param("concerns", "כאב ראש 🤕"))
			.andReturn();
		Map<String, Object> row = this.jdbc
			.sql("SELECT given_name, family_name, concerns FROM patient WHERE clinic_id = ? AND email = ?")
			.params(this.own.clinicId(), email)
			.query()
			.singleRow();
		assertThat(row).containsEntry("given_name", given)
			.containsEntry("family_name", family)
			.containsEntry("concerns", "כאב ראש 🤕");
		String page = this.mvc.perform(get("/clinician/patients").param("q", "Zoë").with(user(this.own.clinician())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(given + " " + family);
	}

	@Test
	void aPatientNamedWithMarkupIsEscapedInTheInvitationEmail() throws Exception {
		String email = "markup-" + UUID.randomUUID() + "@test.aftercare";
		this.mvc
			.perform(request(HttpMethod.POST, "/clinician/enrol").with(user(this.own.clinician()))
				.with(csrf())
				.param("givenName", SCRIPT)
				.param("familyName", ATTRIBUTE)
				.param("dateOfBirth", "1980-01-01")
				.param("email", email))
			.andReturn();
		await().atMost(Duration.ofSeconds(10)).until(() -> !NotificationTestsAccess.mailsTo(email).isEmpty());
		MimeMessage mail = NotificationTestsAccess.mailsTo(email).get(0);
		String html = html(mail);
		assertThat(html).isNotNull();
		assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("&lt;script&gt;");
		assertThat(mail.getSubject()).doesNotContain("\n");
		String page = this.mvc.perform(get("/clinician/patients").with(user(this.own.clinician())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	/** Fields nobody may set through a form: always ignored. */
	private Map<String, String> massAssignment() {
		return map("role", "ADMIN", "clinicId", this.other.clinicId().toString(), "patientId",
				this.other.patient().patientId().toString(), "status", "RESOLVED", "id", this.otherFlag.toString(),
				"version", "0", "accountId", this.other.clinician().accountId().toString(), "enabled", "true");
	}

	private void nothingChangedThatMayNotChange() {
		assertThat(this.jdbc.sql("SELECT role FROM user_account WHERE id = ?")
			.param(this.own.patient().accountId())
			.query(String.class)
			.single()).isEqualTo("PATIENT");
		assertThat(this.jdbc.sql("SELECT role FROM user_account WHERE id = ?")
			.param(this.own.clinician().accountId())
			.query(String.class)
			.single()).isEqualTo("CLINICIAN");
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account WHERE clinic_id = ? AND role = 'ADMIN'")
			.param(this.own.clinicId())
			.query(Long.class)
			.single()).isZero();
		// The other clinic: its flag untouched, no report or treatment slipped in.
		assertThat(this.jdbc.sql("SELECT status FROM flag WHERE id = ?")
			.param(this.otherFlag)
			.query(String.class)
			.single()).isEqualTo("OPEN");
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(this.other.clinicId())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM treatment WHERE clinic_id = ?")
			.param(this.other.clinicId())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM flag_action WHERE clinic_id = ?")
			.param(this.other.clinicId())
			.query(Long.class)
			.single()).isZero();
		// Whatever the own patient sent, their reports are theirs, in their clinic.
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ? AND patient_id <> ?")
			.params(this.own.clinicId(), this.own.patient().patientId())
			.query(Long.class)
			.single()).isZero();
	}

	private MockHttpServletResponse send(Target target, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = request(target.method(), target.path());
		if (target.method() == HttpMethod.POST) {
			request.with(csrf());
		}
		if (target.user() != null) {
			request.with(user(target.user()));
		}
		params.forEach(request::param);
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private void submit(World world) {
		this.reports.submit(NewReport.of(
				world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING,
						null, 6, 2, Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
				null));
	}

	private long flagVersion() {
		return this.jdbc.sql("SELECT version FROM flag WHERE id = ?").param(this.ownFlag).query(Long.class).single();
	}

	private UUID id(String sql, World world) {
		return this.jdbc.sql(sql + " LIMIT 1").param(world.clinicId()).query(UUID.class).single();
	}

	private static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String html = html(child);
				if (html != null) {
					return html;
				}
			}
		}
		return null;
	}

	private static Map<String, String> map(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, LONDON).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static String abbreviate(String payload) {
		String shown = payload.length() > 30 ? payload.substring(0, 30) + "...(" + payload.length() + ")" : payload;
		return shown.replace("\u0000", "\\0");
	}

}
