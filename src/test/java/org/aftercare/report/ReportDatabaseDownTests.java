package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.treatment.TreatmentService;

import static org.aftercare.report.ReportRequests.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database out of reach at submit: the form comes back with everything typed and "not
 * saved yet" (503). Its own context, because of the spies.
 */
@AftercareTest
class ReportDatabaseDownTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@MockitoSpyBean
	ReportService reports;

	@MockitoSpyBean
	TreatmentService treatments;

	@Value("${spring.datasource.hikari.connection-timeout}")
	long connectionTimeout;

	World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
	}

	@Test
	void submitReportWhenTheDatabaseIsDownShowsTheFormAgainWithEverythingTyped() throws Exception {
		doThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"))
			.when(this.reports)
			.submit(any());
		String html = this.mvc
			.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "severity", "7")
				.with("medicines", "paracetamol 500")
				.with("notes", "typed with care")
				.build())
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Your report is not saved yet")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("typed with care", "paracetamol 500");
		assertThat(ReportSubmissionTests.checked(html, "entries[0].severity", "7")).isTrue();
		assertThat(ReportSubmissionTests.checked(html, "entries[0].chosen", "true")).isTrue();
	}

	@Test
	void submitReportWhenTheTreatmentLookupFailsShowsTheFormAgainToo() throws Exception {
		doThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"))
			.when(this.treatments)
			.latestFor(any(), any());
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("notes", "still here").build())
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Your report is not saved yet")))
			.andExpect(content().string(containsString("still here")));
	}

	@Test
	void checkInWhenTheDatabaseIsDownAsksToTapAgain() throws Exception {
		doThrow(new CannotCreateTransactionException("down")).when(this.reports).submit(any());
		this.mvc
			.perform(post("/me/check-in").with(user(this.world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Your answer is not saved yet")));
	}

	@Test
	void updateWhenTheDatabaseIsDownKeepsTheAnswers() throws Exception {
		doThrow(new CannotCreateTransactionException("down")).when(this.reports)
			.findEntryForPatient(any(), any(), any());
		String html = this.mvc
			.perform(post("/me/entries/" + UUID.randomUUID() + "/update").with(user(this.world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString())
				.param("severity", "8")
				.param("ongoing", "true"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Your update is not saved yet")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ReportSubmissionTests.checked(html, "severity", "8")).isTrue();
	}

	@Test
	void aDatabaseOutOfReachIsNoticedWithinSeconds() {
		// With validation, the patient hears back well within 5 seconds.
		assertThat(this.connectionTimeout).isLessThanOrEqualTo(3000);
	}

}
