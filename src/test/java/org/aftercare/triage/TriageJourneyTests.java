package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.triage.rules.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
@RecordApplicationEvents
class TriageJourneyTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void troubleSwallowingShowsEmergencyAdviceAndTopsTheClinicianQueue() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		submit(world, Symptom.BRUISING, 8, Instant.now().minus(Duration.ofHours(30)), true, null);
		String advice = this.mvc
			.perform(post("/me/reports").with(user(world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString())
				.params(entry(Symptom.TROUBLE_SWALLOWING, "6", local(Instant.now().minus(Duration.ofHours(3))), "true",
						null)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(advice).endsWith("/advice");
		this.mvc.perform(get(advice).with(user(world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Get medical help now")))
			.andExpect(content().string(containsString("Call 999 or go to the nearest emergency department now")))
			.andExpect(content().string(containsString("tel:999")));

		String queue = this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int emergency = queue.indexOf("R1 Distant spread");
		int severeBruise = queue.indexOf("R4 Severe");
		assertThat(emergency).as("R1 flag listed").isPositive();
		assertThat(severeBruise).as("R4 flag listed").isPositive();
		assertThat(emergency).as("EMERGENCY above HIGH").isLessThan(severeBruise);
		assertThat(queue).contains("trouble swallowing").contains(world.patient().displayName());
		assertThat(this.events.stream(FlagRaised.class).filter((e) -> e.clinicId().value().equals(world.clinicId())))
			.extracting(FlagRaised::priority)
			.containsExactlyInAnyOrder(Priority.HIGH, Priority.EMERGENCY);
	}

	@Test
	void mildTransientHeadacheRaisesNoFlagAndReassures() throws Exception {
		Instant treated = Instant.now().minus(Duration.ofDays(2));
		World world = this.fixtures.world(treated);
		Instant started = treated.plus(Duration.ofHours(2));
		String advice = this.mvc
			.perform(post("/me/reports").with(user(world.patient()))
				.with(csrf())
				.param("formToken", UUID.randomUUID().toString())
				.params(entry(Symptom.HEADACHE, "5", local(started), "false",
						local(started.plus(Duration.ofHours(20))))))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(advice).with(user(world.patient())))
			.andExpect(content().string(containsString("mild and pass within a few days")))
			.andExpect(content().string(not(containsString("emergency department now"))));
		assertThat(flagCount(world)).isZero();
	}

	@Test
	void headacheRedFlagAddsThatItMayHaveAnotherCause() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID report = this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.HEADACHE, null,
							6, null, Instant.now().minus(Duration.ofHours(2)), true, null, true, false, false, null)),
					null))
			.value();
		this.mvc.perform(get("/me/reports/" + report + "/advice").with(user(world.patient())))
			.andExpect(content().string(containsString("Get medical help now")))
			.andExpect(content().string(containsString("may have a cause other than your treatment")));
	}

	@Test
	void sameRuleFiresOnceAndAlertsAgainOnlyWhenPriorityRises() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)), false, false);
		Instant started = Instant.now().minus(Duration.ofHours(40));
		submit(world, Symptom.BRUISING, 7, started, true, null);
		submit(world, Symptom.SWELLING, 8, started, true, null);
		assertThat(flagCount(world)).as("one R4 flag for two severe reports").isEqualTo(1);
		assertThat(evidenceCount(world)).isEqualTo(2);
		assertThat(raised(world)).hasSize(1);

		// Worsening by 2 points is R7 at one level above R4: a new rule, a new flag.
		submit(world, Symptom.SWELLING, 10, started, true, null);
		assertThat(raised(world)).extracting(FlagRaised::ruleCode).contains("R7_WORSENING");
	}

	@Test
	void aReportThatAddsEvidenceAndRaisesANewFlagIsSavedWithBoth() {
		// Severe, then mild, then severe again: R4 gains evidence and R7 (worsening)
		// opens in one report.
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		Instant started = Instant.now().minus(Duration.ofHours(30));
		submit(world, Symptom.HEADACHE, 8, started, true, null);
		submit(world, Symptom.HEADACHE, 2, started, true, null);
		UUID third = submit(world, Symptom.HEADACHE, 8, started, true, null);
		assertThat(this.jdbc.sql("SELECT DISTINCT rule_code FROM flag_evidence WHERE clinic_id = ? AND report_id = ?")
			.params(world.clinicId(), third)
			.query(String.class)
			.list()).contains("R4_SEVERE", "R7_WORSENING");
	}

	@Test
	void resolvedFlagMetAgainOpensANewOne() {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		submit(world, Symptom.EYELID_DROOP, 3, Instant.now().minus(Duration.ofHours(5)), true, null);
		this.jdbc.sql("UPDATE flag SET status = 'RESOLVED' WHERE clinic_id = ?").param(world.clinicId()).update();
		submit(world, Symptom.EYELID_DROOP, 3, Instant.now().minus(Duration.ofHours(5)), true, null);
		assertThat(flagCount(world)).isEqualTo(2);
	}

	@Test
	void adviceOfAnotherPatientsReportIsNotFound() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID report = submit(world, Symptom.BRUISING, 2, Instant.now().minus(Duration.ofHours(3)), true, null);
		this.mvc.perform(get("/me/reports/" + report + "/advice").with(user(other.patient())))
			.andExpect(status().isNotFound());
	}

	@Test
	void clinicianQueueNeverShowsAnotherClinicsFlags() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		submit(theirs, Symptom.WHEEZING, 5, Instant.now().minus(Duration.ofHours(1)), true, null);
		this.mvc.perform(get("/clinician/flags").with(user(mine.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(theirs.patient().displayName()))));
	}

	@Test
	void rulesPageListsEveryRuleWithItsThresholdAndSource() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String page = this.mvc.perform(get("/clinician/rules").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int i = 1; i <= 14; i++) {
			assertThat(page).contains("<td>R" + i + "</td>");
		}
		assertThat(page).contains("PMID 34897957").contains("7");
	}

	private UUID submit(World world, Symptom symptom, int severity, Instant started, boolean ongoing, Instant stopped) {
		return this.reports.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(),
				List.of(new NewEntry(symptom, null, severity, null, started, ongoing, stopped, null, null, null, null)),
				null))
			.value();
	}

	private List<FlagRaised> raised(World world) {
		return this.events.stream(FlagRaised.class)
			.filter((e) -> e.clinicId().value().equals(world.clinicId()))
			.toList();
	}

	private long flagCount(World world) {
		return this.jdbc.sql("SELECT count(*) FROM flag WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(Long.class)
			.single();
	}

	private long evidenceCount(World world) {
		return this.jdbc.sql("SELECT count(*) FROM flag_evidence WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(Long.class)
			.single();
	}

	/** One chosen symptom on the report form (entries are indexed by catalogue order). */
	private static org.springframework.util.MultiValueMap<String, String> entry(Symptom symptom, String severity,
			String startedAt, String ongoing, String stoppedAt) {
		String prefix = "entries[" + symptom.ordinal() + "].";
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		params.add(prefix + "symptom", symptom.name());
		params.add(prefix + "chosen", "true");
		params.add(prefix + "severity", severity);
		params.add(prefix + "interference", "0");
		params.add(prefix + "startedAt", startedAt);
		params.add(prefix + "ongoing", ongoing);
		if (stoppedAt != null) {
			params.add(prefix + "stoppedAt", stoppedAt);
		}
		if (symptom == Symptom.HEADACHE) {
			params.add(prefix + "suddenWorstEver", "false");
			params.add(prefix + "feverOrStiffNeck", "false");
			params.add(prefix + "neurologicalSigns", "false");
		}
		return params;
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, LONDON).truncatedTo(ChronoUnit.MINUTES).toString();
	}

}
