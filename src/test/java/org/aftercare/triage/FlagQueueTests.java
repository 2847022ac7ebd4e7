package org.aftercare.triage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class FlagQueueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TreatmentService treatments;

	@Test
	void queueOrdersByPriorityThenAgeAndCountsPerPriority() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		raise(world, Symptom.EYELID_DROOP, 3); // R9 MEDIUM
		raise(world, Symptom.INFECTION_SIGNS, 3); // R10 HIGH
		raise(world, Symptom.WHEEZING, 3); // R2 EMERGENCY
		// Two more episodes, so that each priority has a count of its own: 3, 2 and 1.
		newEpisode(world, "L2");
		raise(world, Symptom.INFECTION_SIGNS, 3);
		raise(world, Symptom.WHEEZING, 3);
		newEpisode(world, "L3");
		raise(world, Symptom.WHEEZING, 3);
		String page = queue(world, "");
		assertThat(page.indexOf("R2 Allergic")).isPositive().isLessThan(page.indexOf("R10 Infection"));
		assertThat(page.indexOf("R10 Infection")).isLessThan(page.indexOf("R9 Droop"));
		assertThat(page).contains("id=\"count-EMERGENCY\">3<")
			.contains("id=\"count-HIGH\">2<")
			.contains("id=\"count-MEDIUM\">1<");
		assertThat(page).contains("left");
		assertThat(page.indexOf("id=\"count-EMERGENCY\"")).as("most urgent count first")
			.isLessThan(page.indexOf("id=\"count-HIGH\""))
			.isLessThan(page.indexOf("id=\"count-MEDIUM\""));
	}

	@Test
	void overdueFlagsSayItInWords() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		raise(world, Symptom.WHEEZING, 3);
		this.jdbc.sql("UPDATE flag SET raised_at = raised_at - interval '2 hours' WHERE clinic_id = ?")
			.param(world.clinicId())
			.update();
		assertThat(queue(world, "")).contains("Overdue by 1 h 4");
	}

	@Test
	void filtersNarrowTheQueue() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		raise(world, Symptom.EYELID_DROOP, 3);
		raise(world, Symptom.WHEEZING, 3);
		assertThat(queue(world, "?priority=EMERGENCY")).contains("R2 Allergic").doesNotContain("R9 Droop");
		assertThat(queue(world, "?symptom=EYELID_DROOP")).contains("R9 Droop").doesNotContain("R2 Allergic");
		assertThat(queue(world, "?q=" + world.patient().displayName().substring(0, 4)))
			.contains(world.patient().displayName());
		assertThat(queue(world, "?q=nobody-by-this-name")).doesNotContain("R2 Allergic");
		assertThat(queue(world, "?assigned=MINE")).doesNotContain("R2 Allergic");
		assertThat(queue(world, "?assigned=UNASSIGNED")).contains("R2 Allergic");
		assertThat(queue(world, "?view=RESOLVED")).doesNotContain("R2 Allergic");
		this.jdbc.sql("UPDATE flag SET status = 'RESOLVED', resolved_at = now() WHERE clinic_id = ?")
			.param(world.clinicId())
			.update();
		assertThat(queue(world, "?view=RESOLVED")).contains("R2 Allergic").contains("R9 Droop");
		assertThat(queue(world, "")).doesNotContain("R2 Allergic");
	}

	@Test
	void theFilterFormShowsTheFiltersInForceAlsoBesideAnError() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String filters = "?view=ALL&priority=HIGH&symptom=EYELID_DROOP&product=ONABOTULINUMTOXINA&injector="
				+ world.clinician().accountId() + "&assigned=MINE";
		String page = queue(world, filters);
		assertThat(page).contains("<option value=\"ALL\" selected=\"selected\">")
			.contains("<option value=\"HIGH\" selected=\"selected\">High</option>")
			.contains("<option value=\"EYELID_DROOP\" selected=\"selected\">")
			.contains("<option value=\"ONABOTULINUMTOXINA\" selected=\"selected\">")
			.contains("<option value=\"" + world.clinician().accountId() + "\" selected=\"selected\">"
					+ world.clinician().displayName() + "</option>")
			.contains("<option value=\"MINE\" selected=\"selected\">")
			.contains("<option value=\"MEDIUM\">Medium</option>");
		assertThat(page.split("selected=\"selected\"", -1)).as("one choice per drop-down").hasSize(7);
		assertThat(queue(world, "")).doesNotContain("selected=\"selected\"");

		String refused = this.mvc
			.perform(get("/clinician/flags" + filters + "&from=yesterday").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).as("the other choices kept beside the error")
			.contains("<option value=\"EYELID_DROOP\" selected=\"selected\">")
			.contains("<option value=\"MINE\" selected=\"selected\">")
			.contains("value=\"yesterday\"");
	}

	@Test
	void searchTreatsLikeWildcardsAsText() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		raise(world, Symptom.WHEEZING, 3);
		assertThat(queue(world, "?q=%25")).doesNotContain("R2 Allergic");
		assertThat(queue(world, "?q=_")).doesNotContain("R2 Allergic");
	}

	@Test
	void longQueuesPageWithAKeysetCursor() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		for (int i = 0; i < FlagQueue.PAGE_SIZE + 2; i++) {
			// Each new treatment is a new episode, so each report raises a flag of its
			// own.
			this.treatments.record(world.clinic(),
					new NewTreatment(world.patientId(), Product.ONABOTULINUMTOXINA, "L" + i,
							new AccountId(world.clinician().accountId()), Instant.now().minus(Duration.ofDays(1)),
							Indication.COSMETIC, true, List.of(new AreaUnits(Area.FOREHEAD, BigDecimal.TEN))));
			raise(world, Symptom.OTHER, 2);
		}
		String first = queue(world, "");
		assertThat(first.split("R12 Unusual", -1)).hasSize(FlagQueue.PAGE_SIZE + 1);
		Matcher more = Pattern.compile("href=\"([^\"]*)\"\\s+id=\"more\"").matcher(first);
		assertThat(more.find()).as("a link to the next page").isTrue();
		String next = more.group(1).replace("&amp;", "&");
		assertThat(next).contains("after=");
		String second = this.mvc.perform(get(next).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second.split("R12 Unusual", -1)).hasSize(3);
		assertThat(second).doesNotContain("id=\"more\"");
	}

	@Test
	void newFlagCountTellsWhatArrivedSinceTheQueueWasLoaded() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		long loaded = Instant.now().minusMillis(1).toEpochMilli();
		this.mvc.perform(get("/clinician/flags/new-count?since=" + loaded).with(user(world.clinician())))
			.andExpect(jsonPath("$.count").value(0));
		raise(world, Symptom.WHEEZING, 3);
		this.mvc.perform(get("/clinician/flags/new-count?since=" + loaded).with(user(world.clinician())))
			.andExpect(jsonPath("$.count").value(1));
	}

	@Test
	void reversedDatesAreRefusedBesideTheField() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		this.mvc.perform(get("/clinician/flags?from=2026-05-02&to=2026-05-01").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"to-error\"")));
		this.mvc.perform(get("/clinician/flags?from=yesterday").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void badSearchTextIsRefusedBesideTheFieldAndKept() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String tooLong = "y".repeat(81);
		this.mvc.perform(get("/clinician/flags").param("q", tooLong).with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"q-error\"")))
			.andExpect(content().string(containsString("80 characters or fewer")))
			.andExpect(content().string(containsString("value=\"" + tooLong + "\"")));
		this.mvc.perform(get("/clinician/flags").param("q", "a\u0007b").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("control characters")));
	}

	private String queue(World world, String query) throws Exception {
		return this.mvc.perform(get("/clinician/flags" + query).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A new treatment: a new episode, whose reports raise flags of their own. */
	private void newEpisode(World world, String lot) {
		this.treatments.record(world.clinic(),
				new NewTreatment(world.patientId(), Product.ONABOTULINUMTOXINA, lot,
						new AccountId(world.clinician().accountId()), Instant.now().minus(Duration.ofDays(1)),
						Indication.COSMETIC, true, List.of(new AreaUnits(Area.FOREHEAD, BigDecimal.TEN))));
	}

	private void raise(World world, Symptom symptom, int severity) {
		this.reports.submit(
				NewReport
					.of(world.clinic(), world.patientId(), UUID.randomUUID(),
							List.of(new NewEntry(symptom, symptom == Symptom.OTHER ? "tingling" : null, severity, null,
									Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
							null));
	}

}
