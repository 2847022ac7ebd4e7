package org.aftercare.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.DueCheckIn;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The local run's demo data, seeded as on a first start into a database of its own: the
 * history fills the analytics (with a signal), the queue and the timelines, every demo
 * login works, and nothing of the past is left for the jobs to send.
 */
@SpringBootTest(properties = "aftercare.demo-data=true")
@AutoConfigureMockMvc
class DemoDataTests {

	private static final String DATABASE = "demo_" + UUID.randomUUID().toString().replace("-", "");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demoData;

	@Autowired
	TreatmentService treatments;

	/**
	 * A database of its own: the demo clinics would otherwise be in every other test's.
	 */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
		EmbeddedPostgres server = EmbeddedPostgresEnvironment.start(null, null);
		try (Connection owner = server.getPostgresDatabase().getConnection();
				Statement statement = owner.createStatement()) {
			statement.execute("CREATE DATABASE " + DATABASE);
		}
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE);
	}

	private JdbcClient database() {
		EmbeddedPostgres server = EmbeddedPostgresEnvironment.start(null, null);
		return JdbcClient.create(server.getDatabase(EmbeddedPostgresEnvironment.OWNER, DATABASE));
	}

	@Test
	void eightWeeksOfTreatmentsByTwoInjectorsWithThreeProductsEachAnswered() {
		JdbcClient db = database();
		UUID clinic = clinic(db);
		assertThat(count(db, "select count(*) from treatment where clinic_id = ?", clinic)).isGreaterThanOrEqualTo(44);
		assertThat(count(db, "select count(distinct injector_id) from treatment where clinic_id = ?", clinic))
			.isEqualTo(2);
		assertThat(count(db, "select count(distinct product) from treatment where clinic_id = ?", clinic)).isEqualTo(3);
		assertThat(count(db, "select count(distinct area) from treatment_area where clinic_id = ?", clinic))
			.isGreaterThanOrEqualTo(4);
		assertThat(count(db,
				"select count(*) from treatment where clinic_id = ? and treated_at < now() - interval '6 weeks'",
				clinic))
			.as("treatments more than six weeks ago")
			.isGreaterThan(5);
		assertThat(count(db, """
				select count(*) from treatment t where t.clinic_id = ? and not exists (
				  select 1 from symptom_report r where r.treatment_id = t.id
				    and r.submitted_at <= t.treated_at + interval '14 days')""", clinic))
			.as("treatments without an answer within 14 days")
			.isZero();
		assertThat(count(db,
				"select count(*) from symptom_report r where r.clinic_id = ? and not exists ("
						+ "select 1 from symptom_entry e where e.report_id = r.id)",
				clinic))
			.as("answers of \"no new symptoms\"")
			.isGreaterThan(10);
		assertThat(count(db, "select count(*) from check_in where clinic_id = ? and answered_at is not null", clinic))
			.isGreaterThan(30);
	}

	@Test
	void analyticsShowOneInjectorsHeadachesAsASignal() throws Exception {
		JdbcClient db = database();
		CurrentUser sam = staff(db, "sam.patel@demo.aftercare.test");
		String json = this.mvc
			.perform(get("/clinician/analytics.json").param("dimension", "INJECTOR")
				.param("symptom", "HEADACHE")
				.with(user(sam)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Boolean>>read(json, "$.groups[?(@.label == 'Sam Patel RN')].signal"))
			.containsExactly(true);
		assertThat(JsonPath.<List<Boolean>>read(json, "$.groups[?(@.label == 'Dr Ana Lee')].signal"))
			.containsExactly(false);
		assertThat(JsonPath.<Integer>read(json, "$.overall.treatments")).isGreaterThanOrEqualTo(40);
		String byProduct = this.mvc
			.perform(get("/clinician/analytics.json").param("dimension", "PRODUCT")
				.param("symptom", "HEADACHE")
				.with(user(sam)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Object>>read(byProduct, "$.groups")).hasSize(3);
	}

	@Test
	void theQueueHasTodaysFlagsAndTheHistoryItsResolvedOnes() {
		JdbcClient db = database();
		UUID clinic = clinic(db);
		assertThat(count(db, "select count(*) from flag where clinic_id = ? and status <> 'RESOLVED'", clinic))
			.as("open flags")
			.isGreaterThanOrEqualTo(2);
		assertThat(count(db,
				"select count(*) from flag where clinic_id = ? and status = 'RESOLVED'"
						+ " and outcome is not null and causality is not null and seriousness is not null",
				clinic))
			.as("resolved flags with outcome, causality and seriousness")
			.isGreaterThanOrEqualTo(3);
		assertThat(count(db,
				"select count(*) from flag where clinic_id = ? and status = 'RESOLVED'"
						+ " and resolved_at < now() - interval '7 days'",
				clinic))
			.as("resolved weeks ago")
			.isGreaterThan(0);
	}

	@Test
	void theRemindersJobFindsNothingOfThePastToSend() {
		Instant now = Instant.now();
		List<DueCheckIn> due = org.aftercare.security.ClinicScope.acrossClinics(
				org.aftercare.security.ClinicScope.Reason.TEST_HARNESS, () -> this.treatments.dueCheckIns(now, 1000));
		assertThat(due).allMatch((checkIn) -> checkIn.dueAt().isAfter(now.minus(Duration.ofDays(7))));
	}

	@Test
	void lucíaSpeaksSpanishAndHasATreatmentAndARecoveryChart() throws Exception {
		JdbcClient db = database();
		UUID account = db.sql("select id from user_account where email = 'lucia.fernandez@demo.aftercare.test'")
			.query(UUID.class)
			.single();
		UUID patient = db.sql("select patient_id from user_account where id = ?")
			.param(account)
			.query(UUID.class)
			.single();
		assertThat(count(db, "select count(*) from symptom_report where patient_id = ?", patient)).isEqualTo(3);
		assertThat(db.sql("select notes from symptom_report where patient_id = ? and notes is not null")
			.param(patient)
			.query(String.class)
			.list()).contains("Me duele la frente desde la tarde del tratamiento.");
		CurrentUser lucia = new CurrentUser(account, clinic(db), patient, "lucia.fernandez@demo.aftercare.test",
				"Lucía Fernández", Role.PATIENT, "Europe/London", null, true);
		String chart = this.mvc.perform(get("/me/recovery/chart").with(user(lucia)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Object>>read(chart, "$.series")).hasSize(1);
		assertThat(JsonPath.<List<Object>>read(chart, "$.days")).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void lucíaSignsInToHerPagesInSpanishWhileTheOtherPatientsReadEnglish() throws Exception {
		JdbcClient db = database();
		assertThat(db.sql("select email, language from user_account where role = 'PATIENT'")
			.query((row, n) -> row.getString("email") + " " + row.getString("language"))
			.list()).contains("lucia.fernandez@demo.aftercare.test es", "maria.gomez@demo.aftercare.test en",
					"lena.fischer@harbour.aftercare.test en");
		// Her browser asks for English: her own language wins once she has signed in.
		Cookie session = this.mvc
			.perform(formLogin("/login").userParameter("email")
				.user("lucia.fernandez@demo.aftercare.test")
				.password(DemoData.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		String page = this.mvc.perform(get("/me").cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("lang=\"es\"", "Mi recuperación");
	}

	@Test
	void everyDemoLoginSignsInAndASecondStartSeedsNothingMore() throws Exception {
		for (String login : DemoData.LOGINS) {
			String email = login.substring(0, login.indexOf(' '));
			this.mvc.perform(formLogin("/login").userParameter("email").user(email).password(DemoData.PASSWORD))
				.andExpect(redirectedUrl("/"));
		}
		JdbcClient db = database();
		long treatments = count(db, "select count(*) from treatment", null);
		this.demoData.run(null);
		assertThat(count(db, "select count(*) from treatment", null)).isEqualTo(treatments);
		assertThat(count(db, "select count(*) from clinic", null)).isEqualTo(2);
	}

	private static UUID clinic(JdbcClient db) {
		return db.sql("select id from clinic where name = ?").param(DemoData.DEMO_CLINIC).query(UUID.class).single();
	}

	private static CurrentUser staff(JdbcClient db, String email) {
		UUID account = db.sql("select id from user_account where email = ?").param(email).query(UUID.class).single();
		return new CurrentUser(account, clinic(db), null, email, "Sam Patel RN", Role.CLINICIAN, "Europe/London", null,
				true);
	}

	private static long count(JdbcClient db, String sql, UUID clinic) {
		JdbcClient.StatementSpec statement = db.sql(sql);
		if (clinic != null) {
			statement = statement.param(clinic);
		}
		return statement.query(Long.class).single();
	}

}
