package org.aftercare.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void patientWritesAndStaffReadsAreRecordedWithWhoWhatAndWhere() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID report = submit(world);
		this.mvc.perform(get("/clinician/reports/" + report).with(user(world.clinician()))).andExpect(status().isOk());
		List<String> actions = this.jdbc.sql(
				"SELECT action || ':' || coalesce(actor_role, '') FROM audit_event WHERE clinic_id = ? AND patient_id = ? ORDER BY seq")
			.params(world.clinicId(), world.patient().patientId())
			.query(String.class)
			.list();
		assertThat(actions).contains("REPORT_SUBMITTED:SYSTEM", "REPORT_VIEWED:CLINICIAN");
		assertThat(this.jdbc.sql("SELECT ip FROM audit_event WHERE clinic_id = ? AND action = 'REPORT_VIEWED'")
			.param(world.clinicId())
			.query(String.class)
			.single()).isEqualTo("127.0.0.1");
	}

	@Test
	void loginsFailedLoginsAndLogoutsAreRecordedWithoutThePassword() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(formLogin("/login").userParameter("email").user(world.clinicianEmail()).password("not it at all"))
			.andExpect(redirectedUrl("/login?error"));
		var session = this.mvc.perform(
				formLogin("/login").userParameter("email").user(world.clinicianEmail()).password(TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		List<String> events = this.jdbc.sql(
				"SELECT action || ':' || outcome || ':' || coalesce(detail, '') FROM audit_event WHERE clinic_id = ? AND actor_id = ? ORDER BY seq")
			.params(world.clinicId(), world.clinician().accountId())
			.query(String.class)
			.list();
		assertThat(events).containsExactly("LOGIN_FAILED:FAILURE:wrong password", "LOGIN:SUCCESS:", "LOGOUT:SUCCESS:");
		assertThat(String.join(" ", events)).doesNotContain("not it at all");
	}

	@Test
	void deniedRequestsAreRecorded() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/admin/audit").with(user(world.clinician()))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql(
				"SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'ACCESS_DENIED' AND outcome = 'DENIED'")
			.param(world.clinicId())
			.query(String.class)
			.list()).containsExactly("GET /admin/audit");
	}

	@Test
	void adminFiltersTheTrailAndDownloadsItAsNeutralisedCsv() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(world);
		CurrentUser admin = admin(world);
		this.mvc.perform(get("/admin/audit?action=REPORT_SUBMITTED").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("REPORT_SUBMITTED")))
			.andExpect(content().string(containsString(world.patient().displayName())));
		this.mvc.perform(get("/admin/audit?action=NOTHING_LIKE_THIS").with(user(admin)))
			.andExpect(content().string(not(containsString(world.patient().displayName()))));
		this.mvc.perform(get("/admin/audit?from=2026-05-02&to=2026-05-01").with(user(admin)))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/admin/audit?patient=not-a-uuid").with(user(admin)))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/admin/audit").param("action", "A".repeat(41)).with(user(admin)))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/admin/audit").param("action", "A\u0000B").with(user(admin)))
			.andExpect(status().isUnprocessableContent());

		this.jdbc.sql("""
				UPDATE patient SET given_name = '=HYPERLINK(1)' WHERE clinic_id = ?""")
			.param(world.clinicId())
			.update();
		String csv = this.mvc.perform(get("/admin/audit.csv?action=REPORT_SUBMITTED").with(user(admin)))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("seq,time_utc,actor").contains("'=HYPERLINK(1)").contains("REPORT_SUBMITTED");
	}

	@Test
	void chainVerifiesAndShowsWhereSomeoneAlteredIt() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(world);
		submit(world);
		submit(world);
		CurrentUser admin = admin(world);
		this.mvc.perform(get("/admin/audit/verify").with(user(admin)))
			.andExpect(content().string(containsString("id=\"chain-intact\"")));
		long second = this.jdbc.sql("SELECT seq FROM audit_event WHERE clinic_id = ? ORDER BY seq OFFSET 1 LIMIT 1")
			.param(world.clinicId())
			.query(Long.class)
			.single();
		// Behind the application's back (the owner of the table can switch the trigger
		// off; the application's role can neither do that nor update): change one row.
		JdbcClient owner = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());
		owner.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete").update();
		try {
			owner.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = ?").param(second).update();
		}
		finally {
			owner.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete").update();
		}
		this.mvc.perform(get("/admin/audit/verify").with(user(admin)))
			.andExpect(content().string(containsString("id=\"chain-broken\"")))
			.andExpect(content().string(containsString("altered at event " + second)));
	}

	@Test
	void onlyAdminsSeeTheTrail() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/admin/audit").with(user(world.patient()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit.csv").with(user(world.clinician()))).andExpect(status().isForbidden());
	}

	private UUID submit(World world) {
		return this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.BRUISING, null,
							2, null, Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
					null))
			.value();
	}

	private static CurrentUser admin(World world) {
		return new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@x.test", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

}
