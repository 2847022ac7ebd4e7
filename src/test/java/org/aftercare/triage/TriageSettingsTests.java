package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class TriageSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminChangesAThresholdAndTheChangeIsAuditedAndApplied() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		CurrentUser admin = admin(world);
		this.mvc.perform(form(admin, "severeSeverity", "9")).andExpect(redirectedUrl("/admin/triage-settings"));
		List<String> audit = this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'TRIAGE_SETTINGS_CHANGED'")
			.param(world.clinicId())
			.query(String.class)
			.list();
		assertThat(audit).containsExactly("severeSeverity: 7 -> 9");

		// Severity 8 is now below the clinic's "severe": no R4 flag.
		this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.BRUISING, null,
							8, null, Instant.now().minus(Duration.ofHours(3)), true, null, null, null, null, null)),
					null));
		assertThat(this.jdbc.sql("SELECT count(*) FROM flag WHERE clinic_id = ? AND rule_code = 'R4_SEVERE'")
			.param(world.clinicId())
			.query(Long.class)
			.single()).isZero();

		this.mvc.perform(get("/clinician/rules").with(user(world.clinician())))
			.andExpect(content().string(containsString("9")));
	}

	@Test
	void invalidThresholdsAreRefusedBesideTheFieldWithTheInputKept() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(form(admin(world), "moderateHeadacheMin", "6", "moderateHeadacheMax", "5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"moderateHeadacheMax-error\"")))
			.andExpect(content().string(containsString("value=\"6\"")));
		this.mvc.perform(form(admin(world), "severeSeverity", "11"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"severeSeverity-error\"")));
		this.mvc.perform(form(admin(world), "severeSeverity", "abc")).andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void cliniciansCannotChangeThresholds() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/admin/triage-settings").with(user(world.clinician()))).andExpect(status().isForbidden());
	}

	@Test
	void auditTrailRefusesUpdatesAndDeletes() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.jdbc.sql("""
				INSERT INTO audit_event (id, clinic_id, occurred_at, action, outcome)
				VALUES (gen_random_uuid(), ?, now(), 'TEST', 'SUCCESS')""").param(world.clinicId()).update();
		// The application's role has no such privilege...
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.jdbc.sql("DELETE FROM audit_event WHERE clinic_id = ?").param(world.clinicId()).update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_event");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_event SET action = 'X' WHERE clinic_id = ?")
				.param(world.clinicId())
				.update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_event");
		// ...and the trigger refuses it to everyone else, the owner too.
		org.springframework.jdbc.core.simple.JdbcClient owner = org.springframework.jdbc.core.simple.JdbcClient
			.create(org.aftercare.EmbeddedPostgresEnvironment.ownerDataSource());
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> owner.sql("DELETE FROM audit_event WHERE clinic_id = ?").param(world.clinicId()).update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> owner.sql("UPDATE audit_event SET action = 'X' WHERE clinic_id = ?")
				.param(world.clinicId())
				.update())
			.hasMessageContaining("append-only");
	}

	private static CurrentUser admin(World world) {
		return new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@x.test", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

	private MockHttpServletRequestBuilder form(CurrentUser admin, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		SettingsForm d = SettingsForm.defaults();
		for (var component : SettingsForm.class.getRecordComponents()) {
			try {
				fields.put(component.getName(), String.valueOf(component.getAccessor().invoke(d)));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/triage-settings").with(user(admin)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

}
