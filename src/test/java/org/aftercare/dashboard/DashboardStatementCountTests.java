package org.aftercare.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.StatementCounting;
import org.aftercare.TestClockConfiguration;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientId;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.NewTreatment;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinician's pages run a fixed number of SQL statements whatever the amount of data
 * behind them: no N+1 as a clinic grows. Counted at the JDBC level, so JPA and read-model
 * queries alike.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestFixtures.class, TestClockConfiguration.class, StatementCounting.class })
class DashboardStatementCountTests {

	/**
	 * A page is a handful of queries and the audit record; far fewer than one per row.
	 * Not counting the statement that sets each transaction's clinic scope, which is
	 * counted on its own.
	 */
	private static final int AT_MOST = 15;

	/** One scope statement per transaction a page opens. */
	private static final int AT_MOST_TRANSACTIONS = 10;

	private static final Logger log = LoggerFactory.getLogger(DashboardStatementCountTests.class);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	@Autowired
	TreatmentService treatments;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void clinicianPagesRunTheSameStatementsWithTwoAndWithThirtyOfEverything() throws Exception {
		Map<String, Integer> scopes = new LinkedHashMap<>();
		Map<String, Integer> withTwo = statementsPerPage(clinicWith(2), scopes);
		Map<String, Integer> withThirty = statementsPerPage(clinicWith(30), new LinkedHashMap<>());
		log.info("Statements per page with 2 and with 30 of everything: {} / {}; of them, clinic scope statements: {}",
				withTwo, withThirty, scopes);
		assertThat(withThirty).isEqualTo(withTwo);
		assertThat(scopes.values()).allSatisfy((count) -> assertThat(count).isBetween(1, AT_MOST_TRANSACTIONS));
		assertThat(withTwo)
			.allSatisfy((page, count) -> assertThat(count - scopes.get(page)).as(page).isBetween(1, AT_MOST));
	}

	/**
	 * Each page view of a signed-in clinician takes two connections from the pool, one at
	 * a time: one for the single read of its session, in auto-commit (Spring Session's
	 * filter asks for it again as it commits, which is answered from the first read), and
	 * one for the page's single transaction (not one per read model); the session is not
	 * written back (it did not change).
	 */
	@Test
	void eachClinicianPageIsTheSessionReadsAndOneTransaction() throws Exception {
		Clinic clinic = clinicWith(2);
		// The session of a signed-in browser, with its CSRF token already in it.
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(get("/clinician/flags").with(user(clinic.world().clinician())))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		Map<String, Integer> connections = new LinkedHashMap<>();
		Map<String, Integer> heldAtOnce = new LinkedHashMap<>();
		Map<String, Integer> sessionReads = new LinkedHashMap<>();
		Map<String, Integer> sessionReadsInTransactions = new LinkedHashMap<>();
		for (Map.Entry<String, String> page : pages(clinic).entrySet()) {
			StatementCounting.reset();
			this.mvc.perform(get(page.getValue()).with(user(clinic.world().clinician())).cookie(session))
				.andExpect(status().isOk());
			connections.put(page.getKey(), StatementCounting.connections());
			heldAtOnce.put(page.getKey(), StatementCounting.mostHeldAtOnce());
			sessionReads.put(page.getKey(), StatementCounting.sessionReads());
			sessionReadsInTransactions.put(page.getKey(), StatementCounting.sessionReadsInTransactions());
		}
		log.info("Connections per page: {}; most held at once: {}; session reads: {}", connections, heldAtOnce,
				sessionReads);
		assertThat(sessionReads.values()).allSatisfy((count) -> assertThat(count).isOne());
		assertThat(sessionReadsInTransactions.values()).allSatisfy((count) -> assertThat(count).isZero());
		assertThat(connections.values()).allSatisfy((count) -> assertThat(count).isEqualTo(2));
		// One at a time: a request that waits for a second connection while holding one
		// can, under load, leave the pool held by requests all waiting (seen in the
		// benchmark when the clinic scope read the session inside the session's own
		// read).
		assertThat(heldAtOnce.values()).allSatisfy((count) -> assertThat(count).isOne());
	}

	/**
	 * The patient's recovery page is the same: one read of the session and one
	 * transaction, the clinic's open request for an update included (it was read in a
	 * transaction of its own, after the page's).
	 */
	@Test
	void thePatientsPageIsOneSessionReadAndOneTransaction() throws Exception {
		Clinic clinic = clinicWith(2);
		this.mvc
			.perform(post("/clinician/flags/" + clinic.flagId() + "/follow-up").with(user(clinic.world().clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(clinic.flagId()))))
			.andExpect(status().is3xxRedirection());
		jakarta.servlet.http.Cookie session = this.mvc.perform(get("/me").with(user(clinic.world().patient())))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		StatementCounting.reset();
		this.mvc.perform(get("/me").with(user(clinic.world().patient())).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"follow-up-requests\"")));
		assertThat(StatementCounting.sessionReads()).isOne();
		assertThat(StatementCounting.connections()).isEqualTo(2);
		assertThat(StatementCounting.mostHeldAtOnce()).isOne();
	}

	/**
	 * What the pages were measured on: the busiest patient and the flag of their last
	 * episode.
	 */
	private record Clinic(World world, UUID patientId, UUID flagId) {
	}

	/**
	 * A clinic with {@code n} patients, one of them with {@code n} treatments, each
	 * episode flagged; the last episode with {@code n} more reports on its flag and
	 * {@code n} recorded contacts; a photo with every report.
	 */
	private Clinic clinicWith(int n) throws Exception {
		Instant start = Instant.now().minus(Duration.ofDays(10));
		World world = this.fixtures.world(start);
		UUID patient = world.patient().patientId();
		swallowing(world, patient);
		for (int i = 1; i < n; i++) {
			treat(world, patient, start.plus(Duration.ofHours(i)));
			swallowing(world, patient);
		}
		for (int i = 1; i < n; i++) {
			UUID other = this.patients
				.enrol(world.clinic(),
						new Intake("Other" + i, "Patient", LocalDate.of(1970 + i, 2, 3),
								"other-" + i + "-" + UUID.randomUUID() + "@test.aftercare", null, false, false, null,
								false, false, false, false, false, false, false, false, false, null, null))
				.value();
			treat(world, other, start);
			swallowing(world, other);
		}
		UUID flag = this.jdbc
			.sql("SELECT id FROM flag WHERE clinic_id = ? AND patient_id = ? ORDER BY raised_at DESC LIMIT 1")
			.params(world.clinicId(), patient)
			.query(UUID.class)
			.single();
		for (int i = 1; i < n; i++) {
			swallowing(world, patient);
			this.mvc
				.perform(post("/clinician/flags/" + flag + "/contact").with(user(world.clinician()))
					.with(csrf())
					.param("version", String.valueOf(version(flag)))
					.param("kind", "CALLED")
					.param("note", "call " + i))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(count("SELECT count(*) FROM flag WHERE clinic_id = ?", world)).isEqualTo(2L * n - 1);
		assertThat(count("SELECT count(*) FROM treatment WHERE clinic_id = ?", world)).isEqualTo(2L * n - 1);
		assertThat(count("SELECT count(*) FROM symptom_report WHERE clinic_id = ?", world)).isEqualTo(3L * n - 2);
		// A photo with every report: the flag and patient pages list them in one
		// statement
		// however many there are.
		this.jdbc.sql("""
				INSERT INTO report_photo (id, clinic_id, patient_id, form_token, report_id, uploaded_at, content_type,
				                          width, height, thumbnail_width, thumbnail_height, image, thumbnail)
				SELECT gen_random_uuid(), clinic_id, patient_id, form_token, id, submitted_at, 'image/jpeg', 1, 1, 1, 1,
				       '\\x00'::bytea, '\\x00'::bytea
				  FROM symptom_report WHERE clinic_id = ?""").param(world.clinicId()).update();
		assertThat(count("SELECT count(*) FROM report_photo WHERE clinic_id = ?", world)).isEqualTo(3L * n - 2);
		return new Clinic(world, patient, flag);
	}

	private Map<String, Integer> statementsPerPage(Clinic clinic, Map<String, Integer> scopes) throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Map.Entry<String, String> page : pages(clinic).entrySet()) {
			StatementCounting.reset();
			this.mvc.perform(get(page.getValue()).with(user(clinic.world().clinician()))).andExpect(status().isOk());
			counts.put(page.getKey(), StatementCounting.count());
			scopes.put(page.getKey(), StatementCounting.scopeCount());
		}
		return counts;
	}

	private static Map<String, String> pages(Clinic clinic) {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("queue", "/clinician/flags");
		pages.put("resolved queue", "/clinician/flags?view=RESOLVED");
		pages.put("flag", "/clinician/flags/" + clinic.flagId());
		pages.put("flag chart", "/clinician/flags/" + clinic.flagId() + "/chart");
		pages.put("patient list", "/clinician/patients");
		pages.put("patient search", "/clinician/patients?q=pat");
		pages.put("patient", "/clinician/patients/" + clinic.patientId());
		pages.put("analytics", "/clinician/analytics");
		return pages;
	}

	private void treat(World world, UUID patient, Instant at) {
		this.treatments.record(world.clinic(),
				new NewTreatment(new PatientId(patient), Product.ABOBOTULINUMTOXINA, "LOT",
						new AccountId(world.clinician().accountId()), at, Indication.COSMETIC, true,
						List.of(new AreaUnits(Area.GLABELLAR_LINES, new BigDecimal("50")),
								new AreaUnits(Area.CROWS_FEET, new BigDecimal("30")))));
	}

	private void swallowing(World world, UUID patient) {
		this.reports.submit(
				NewReport
					.of(world.clinic(), new PatientId(patient), UUID.randomUUID(),
							List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING, null, 6, 2,
									Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
							null));
	}

	private long version(UUID flag) {
		return this.jdbc.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
	}

	private long count(String sql, World world) {
		return this.jdbc.sql(sql).param(world.clinicId()).query(Long.class).single();
	}

}
