package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.aftercare.report.ReportRequests.local;
import static org.aftercare.report.ReportRequests.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class CheckInAndRecoveryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	World world;

	/** Two days ago, to the minute (the report form's times have minutes, no seconds). */
	Instant treatedAt;

	@BeforeEach
	void setUp() {
		this.treatedAt = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		this.world = this.fixtures.world(this.treatedAt);
	}

	@Test
	void recoveryPageShowsTheCheckInTreatmentAftercareAndNextCheckIn() throws Exception {
		this.mvc.perform(get("/me").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("How are you today?")))
			.andExpect(content().string(containsString("No new symptoms")))
			.andExpect(content().string(containsString("action=\"/me/check-in\"")))
			.andExpect(content().string(containsString("Frown lines (glabellar)")))
			.andExpect(content().string(containsString("href=\"/me/aftercare\"")))
			// treated 2 days ago: the day-3 check-in is next
			.andExpect(content().string(containsString(
					"Next check-in: " + new org.aftercare.web.Dates().dateTime(this.treatedAt.plus(Duration.ofDays(3)))
						.substring(0, 6))));
	}

	@Test
	void checkInWithOneTapStoresAReportWithNoEntriesAndItsTime() throws Exception {
		Instant before = Instant.now();
		this.mvc.perform(checkIn(UUID.randomUUID()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/reports/*/advice"));
		var row = this.jdbc
			.sql("SELECT no_new_symptoms, submitted_at, (SELECT count(*) FROM symptom_entry e WHERE e.report_id = r.id)"
					+ " AS entries FROM symptom_report r WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query()
			.singleRow();
		assertThat(row).containsEntry("no_new_symptoms", true).containsEntry("entries", 0L);
		assertThat(((java.sql.Timestamp) row.get("submitted_at")).toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
		this.mvc.perform(get("/me").with(user(this.world.patient())))
			.andExpect(content().string(containsString("No new symptoms</span>")));
	}

	@Test
	void checkInTappedTwiceCreatesOneAnswer() throws Exception {
		UUID token = UUID.randomUUID();
		String first = this.mvc.perform(checkIn(token)).andReturn().getResponse().getRedirectedUrl();
		String second = this.mvc.perform(checkIn(token)).andReturn().getResponse().getRedirectedUrl();
		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void checkInPageOffersBothAnswers() throws Exception {
		this.mvc.perform(get("/me/check-in").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No new symptoms")))
			.andExpect(content().string(containsString("href=\"/me/reports/new\"")))
			.andExpect(content().string(containsString("name=\"formToken\"")));
	}

	@Test
	void checkInWithoutItsTokenAsksToTapAgain() throws Exception {
		this.mvc.perform(post("/me/check-in").with(user(this.world.patient())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please tap again")));
	}

	@Test
	void recoveryPageShowsHistoryAndTheChartAsATable() throws Exception {
		// The bruising at the treatment's own minute, on its day ("Day 0") at any
		// time of day: an hour later is the next day in the hour before midnight.
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "severity", "6")
				.entry(Symptom.BRUISING, "severity", "2", "startedAt", local(this.treatedAt))
				.build())
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/me").with(user(this.world.patient())))
			.andExpect(content().string(containsString("Headache 6/10")))
			.andExpect(content().string(containsString("data-chart-url=\"/me/recovery/chart\"")))
			.andExpect(content().string(containsString("uPlot.iife.min.js")))
			.andExpect(content().string(containsString("/assets/js/severity-chart.js")))
			.andExpect(content().string(containsString("<td>Day 0</td>")))
			.andExpect(content().string(containsString("<td>6/10 (moderate)</td>")));
	}

	@Test
	void chartDataHasOneSeriesPerSymptomByDayWithTheTreatmentAtDayZero() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "severity", "6").build());
		this.mvc.perform(get("/me/recovery/chart").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.treatmentLabel").value("Treatment"))
			.andExpect(jsonPath("$.days[0]").value(0))
			.andExpect(jsonPath("$.series[0].label").value("Headache"))
			.andExpect(jsonPath("$.series[0].values[-1]").value(6));
	}

	@Test
	void recoveryPageWithoutReportsHasNoChart() throws Exception {
		this.mvc.perform(get("/me").with(user(this.world.patient())))
			.andExpect(content().string(containsString("Nothing to chart yet")))
			.andExpect(content().string(not(containsString("uPlot.iife.min.js"))));
	}

	@Test
	void aftercareSheetTellsWhatToDoAndWhenToGetHelp() throws Exception {
		this.mvc.perform(get("/me/aftercare").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Stay upright for about 4 hours")))
			.andExpect(content().string(containsString("paracetamol")))
			.andExpect(content().string(containsString("trouble swallowing, speaking or breathing")));
	}

	@Test
	void chartLibraryIsServedByTheAppWithoutAVersionInTheUrl() throws Exception {
		this.mvc.perform(get("/webjars/uplot/dist/uPlot.iife.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/assets/js/severity-chart.js")).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder checkIn(UUID token) {
		return post("/me/check-in").with(user(this.world.patient())).with(csrf()).param("formToken", token.toString());
	}

}
