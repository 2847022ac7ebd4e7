package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class FlagChartTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void flagPageHasTheEpisodeChartBesideItsTableWithoutInlineScript() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		UUID flag = raise(world);
		this.mvc.perform(get("/clinician/flags/" + flag).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart-url=\"/clinician/flags/" + flag + "/chart\"")))
			.andExpect(content().string(containsString("<script src=\"/assets/js/severity-chart.js\" defer>")))
			.andExpect(content().string(containsString("Severity by day since the treatment")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
	}

	@Test
	void chartDataHasEverySymptomOfTheEpisodeByDayWithTheTreatmentAtDayZero() throws Exception {
		// The bruising at the treatment's own minute, on its day ("Day 0") at any
		// time of day: half an hour later is the next day just before midnight.
		Instant treatedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		World world = this.fixtures.world(treatedAt);
		submit(world, Symptom.BRUISING, 3, treatedAt);
		UUID flag = raise(world);
		this.mvc.perform(get("/clinician/flags/" + flag + "/chart").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.treatmentLabel").value("Treatment"))
			.andExpect(jsonPath("$.dayLabel").value("Day since treatment"))
			.andExpect(jsonPath("$.days[0]").value(0))
			.andExpect(jsonPath("$.series[0].label").value("Bruising"))
			.andExpect(jsonPath("$.series[0].values[0]").value(3))
			.andExpect(jsonPath("$.series[1].label").value("Trouble swallowing"))
			.andExpect(jsonPath("$.series[1].values[-1]").value(6));
	}

	@Test
	void anotherClinicsFlagChartIsNotFound() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID flag = raise(theirs);
		this.mvc.perform(get("/clinician/flags/" + flag + "/chart").with(user(mine.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/flags/" + flag + "/chart").with(user(theirs.patient())))
			.andExpect(status().isForbidden());
	}

	private UUID raise(World world) {
		submit(world, Symptom.TROUBLE_SWALLOWING, 6, Instant.now().minus(Duration.ofHours(2)));
		return this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(UUID.class)
			.single();
	}

	private void submit(World world, Symptom symptom, int severity, Instant started) {
		this.reports.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(symptom, null, severity, null, started, true, null, null, null, null, null)),
				null));
	}

}
