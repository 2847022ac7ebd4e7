package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class ReportSubmissionTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
	}

	@Test
	void showReportFormOffersTheCatalogueInPlainWordsWithAOneTimeToken() throws Exception {
		this.mvc.perform(get("/me/reports/new").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Drooping eyelid")))
			.andExpect(content().string(containsString("name=\"formToken\"")))
			.andExpect(content().string(not(containsString("EYELID_DROOP<"))));
	}

	@Test
	void submitReportSavesItAndShowsItToThePatient() throws Exception {
		MvcResult result = this.mvc.perform(validReport(UUID.randomUUID(), "notes", "Started after lunch"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/reports/*/advice"))
			.andReturn();
		this.mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Headache")))
			.andExpect(content().string(containsString("5/10 (moderate)")))
			.andExpect(content().string(containsString("Started after lunch")));
	}

	@Test
	void submitReportWhenSeverityOutOfRangeThenShowsFieldErrorAndKeepsInput() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "severity", "11", "notes", "my own words"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"severity-error\"")))
			.andExpect(content().string(containsString("my own words")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenSeverityMissingThenShowsFieldError() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "severity", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("how bad it was at its worst")));
	}

	@Test
	void submitReportWhenNotesHoldANulByteThenShowsFieldError() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "notes", "bad\u0000byte"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"notes-error\"")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenNotesAreTenThousandCharactersThenShowsFieldError() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "notes", "x".repeat(10_000)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("2,000 characters or fewer")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenStartIsInTheFutureThenShowsFieldError() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "startedAt", local(Instant.now().plus(Duration.ofHours(3)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be in the future")));
	}

	@Test
	void submitReportWhenStopIsBeforeStartThenShowsFieldError() throws Exception {
		Instant start = Instant.now().minus(Duration.ofHours(5));
		this.mvc
			.perform(validReport(UUID.randomUUID(), "startedAt", local(start), "ongoing", "false").param("stoppedAt",
					local(start.minus(Duration.ofHours(1)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot have stopped before it started")));
	}

	@Test
	void submitReportWhenOtherHasNoDescriptionThenAsksForOne() throws Exception {
		this.mvc.perform(validReport(UUID.randomUUID(), "symptom", "OTHER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("describe what you are feeling")));
	}

	@Test
	void submitReportTwiceWithOneFormTokenCreatesOneReport() throws Exception {
		UUID token = UUID.randomUUID();
		String first = this.mvc.perform(validReport(token)).andReturn().getResponse().getRedirectedUrl();
		String second = this.mvc.perform(validReport(token)).andReturn().getResponse().getRedirectedUrl();
		assertThat(second).isEqualTo(first);
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void submitReportStartedBeforeTreatmentIsMarkedPreExisting() throws Exception {
		String url = this.mvc
			.perform(validReport(UUID.randomUUID(), "startedAt", local(Instant.now().minus(Duration.ofDays(5)))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url).with(user(this.world.patient())))
			.andExpect(content().string(containsString("Started before the treatment")));
	}

	@Test
	void submitReportWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/me/reports").with(user(this.world.patient())).param("symptom", "HEADACHE"))
			.andExpect(status().isForbidden());
		assertThat(reportCount()).isZero();
	}

	@Test
	void patientCannotSeeAnotherPatientsReport() throws Exception {
		String url = this.mvc.perform(validReport(UUID.randomUUID())).andReturn().getResponse().getRedirectedUrl();
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get(url.replace("?submitted", "")).with(user(other.patient())))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffCannotUseThePatientPages() throws Exception {
		this.mvc.perform(get("/me/reports/new").with(user(this.world.clinician()))).andExpect(status().isForbidden());
	}

	/** A valid headache report; pairs of name and value replace its fields. */
	private MockHttpServletRequestBuilder validReport(UUID token, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("formToken", token.toString());
		fields.put("symptom", "HEADACHE");
		fields.put("severity", "5");
		fields.put("startedAt", local(Instant.now().minus(Duration.ofHours(4))));
		fields.put("ongoing", "true");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/me/reports").with(user(this.world.patient())).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, LONDON).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private long reportCount() {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Long.class)
			.single();
	}

}
