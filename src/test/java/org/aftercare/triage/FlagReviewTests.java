package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class FlagReviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void flagPageShowsEvidencePatientTreatmentAndIsAudited() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)), true, true);
		UUID flag = raise(world, Symptom.TROUBLE_SWALLOWING);
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("trouble swallowing")))
			.andExpect(content().string(containsString("High blood pressure")))
			.andExpect(content().string(containsString("Nose (bunny lines): 8 units")))
			.andExpect(content().string(containsString("Medication Guide")));
		assertThat(audit(world, "FLAG_VIEWED")).isEqualTo(1);
	}

	@Test
	void acknowledgeContactAndResolveTakeTheFlagOutOfTheOpenQueue() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(world, Symptom.TROUBLE_BREATHING);
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/acknowledge").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag))))
			.andExpect(flash().attribute("done", true));
		assertThat(flagStatus(flag)).isEqualTo("ACKNOWLEDGED");
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/contact").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag)))
				.param("kind", "CALLED")
				.param("note", "Advised A&E; patient went"))
			.andExpect(flash().attribute("done", true));
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/resolve").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag)))
				.param("outcome", "RESOLVED")
				.param("causality", "POSSIBLE")
				.param("seriousness", "NON_SERIOUS"))
			.andExpect(redirectedUrl("/clinician/flags/" + flag));
		assertThat(flagStatus(flag)).isEqualTo("RESOLVED");
		this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andExpect(content().string(not(containsString(flag.toString()))));
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(world.clinician())))
			.andExpect(content()
				.string(containsString("Outcome: Resolved. Causality: Possible. Seriousness: Non-serious.")))
			.andExpect(content().string(containsString("called the patient Advised A&amp;E; patient went")));
		assertThat(audit(world, "FLAG_RESOLVED")).isEqualTo(1);
	}

	@Test
	void askingForAnUpdateShowsOnThePatientsPageAndTheirAnswerIsLinkedBack() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(world, Symptom.EYELID_DROOP);
		this.mvc.perform(get("/me").with(user(world.patient())))
			.andExpect(content().string(not(containsString("id=\"follow-up-requests\""))));
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/follow-up").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag))))
			.andExpect(flash().attribute("done", true));
		this.mvc.perform(get("/me").with(user(world.patient())))
			.andExpect(content().string(containsString("id=\"follow-up-requests\"")))
			.andExpect(content().string(containsString("would like an update")));

		UUID answer = this.reports
			.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(), null))
			.value();
		this.mvc.perform(get("/me").with(user(world.patient())))
			.andExpect(content().string(not(containsString("id=\"follow-up-requests\""))));
		assertThat(this.jdbc.sql("SELECT detail FROM flag_action WHERE flag_id = ? AND action = 'PATIENT_ANSWERED'")
			.param(flag)
			.query(String.class)
			.list()).containsExactly(answer.toString());
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(world.clinician())))
			.andExpect(content().string(containsString("answered with report")));
	}

	@Test
	void aStalePageOverwritesNothingAndSaysTheFlagChanged() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(world, Symptom.WHEEZING);
		long seen = version(flag);
		this.mvc.perform(post("/clinician/flags/" + flag + "/acknowledge").with(user(world.clinician()))
			.with(csrf())
			.param("version", String.valueOf(seen)));
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/resolve").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(seen))
				.param("outcome", "UNKNOWN")
				.param("causality", "UNLIKELY")
				.param("seriousness", "NON_SERIOUS"))
			.andExpect(flash().attribute("changed", true));
		assertThat(flagStatus(flag)).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void seriousWithoutCriteriaIsRefusedBesideTheField() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(world, Symptom.WHEEZING);
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/resolve").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag)))
				.param("outcome", "ONGOING")
				.param("causality", "PROBABLE")
				.param("seriousness", "SERIOUS")
				.param("note", "kept note"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"criteria-error\"")))
			.andExpect(content().string(containsString("kept note")));
		assertThat(flagStatus(flag)).isEqualTo("OPEN");
	}

	@Test
	void anotherClinicsFlagIsNotFoundAndPatientsAreForbidden() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(theirs, Symptom.WHEEZING);
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(mine.clinician()))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/acknowledge").with(user(mine.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version(flag))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(theirs.patient())))
			.andExpect(status().isForbidden());
		assertThat(flagStatus(flag)).isEqualTo("OPEN");
	}

	private UUID raise(World world, Symptom symptom) {
		this.reports.submit(
				NewReport.of(
						world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(symptom, null, 5,
								null, Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
						null));
		return this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ? ORDER BY raised_at LIMIT 1")
			.param(world.clinicId())
			.query(UUID.class)
			.single();
	}

	private long version(UUID flag) {
		return this.jdbc.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
	}

	private String flagStatus(UUID flag) {
		return this.jdbc.sql("SELECT status FROM flag WHERE id = ?").param(flag).query(String.class).single();
	}

	private long audit(World world, String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ?")
			.params(world.clinicId(), action)
			.query(Long.class)
			.single();
	}

}
