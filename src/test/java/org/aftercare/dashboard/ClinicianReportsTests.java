package org.aftercare.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class ClinicianReportsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Test
	void clinicianSeesTheirClinicsReportsNewestFirstWithPatientAndTreatment() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		submit(world, Symptom.BRUISING, 2);
		submit(world, Symptom.TROUBLE_SWALLOWING, 6);
		String page = this.mvc.perform(get("/clinician/reports").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(world.patient().displayName())))
			.andExpect(content().string(containsString("onabotulinumtoxinA (Botox)")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page.indexOf("Trouble swallowing"))
			.as("newest first")
			.isLessThan(page.indexOf("Bruising"));
	}

	@Test
	void clinicianNeverSeesAnotherClinicsReports() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID theirReport = submit(theirs, Symptom.SWELLING, 3);
		this.mvc.perform(get("/clinician/reports").with(user(mine.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(theirs.patient().displayName()))));
		this.mvc.perform(get("/clinician/reports/" + theirReport).with(user(mine.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/reports/" + theirReport).with(user(theirs.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Swelling")));
	}

	@Test
	void patientsCannotOpenTheClinicianPages() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/clinician/reports").with(user(world.patient()))).andExpect(status().isForbidden());
	}

	@Test
	void listPagesWithAKeysetCursor() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(4)));
		for (int i = 0; i < ClinicReportList.PAGE_SIZE + 2; i++) {
			submit(world, Symptom.REDNESS, i % 10);
		}
		this.mvc.perform(get("/clinician/reports").with(user(world.clinician())))
			.andExpect(content().string(containsString("Older reports")))
			.andExpect(content().string(containsString("beforeId=")));
	}

	private UUID submit(World world, Symptom symptom, int severity) {
		Instant started = Instant.now().minus(Duration.ofHours(2));
		return this.reports.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(symptom, null, severity, null, started, true, null, null, null, null, null)),
				null))
			.value();
	}

}
