package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.CurrentUser;

import static org.aftercare.report.ReportRequests.local;
import static org.aftercare.report.ReportRequests.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class EntryUpdateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	World world;

	Instant started;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)));
		this.started = Instant.now().minus(Duration.ofDays(2));
	}

	@Test
	void updateAppendsANewReportPointingAtTheEntryAndLeavesTheOriginalUnchanged() throws Exception {
		UUID original = reportEntry(Symptom.BRUISING, "4");
		Map<String, Object> before = entryRow(original);
		this.mvc
			.perform(update(this.world.patient(), original, "severity", "2", "ongoing", "false", "stoppedAt",
					local(Instant.now().minus(Duration.ofHours(1)))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/reports/*/advice"));
		assertThat(entryRow(original)).isEqualTo(before);
		Map<String, Object> update = this.jdbc
			.sql("SELECT symptom, severity, ongoing, stopped_at IS NOT NULL AS stopped, started_at = ? AS same_start "
					+ "FROM symptom_entry WHERE clinic_id = ? AND updates_entry_id = ?")
			.params(java.sql.Timestamp.from((java.time.Instant) before.get("started")), this.world.clinicId(), original)
			.query()
			.singleRow();
		assertThat(update).containsEntry("symptom", "BRUISING")
			.containsEntry("severity", 2)
			.containsEntry("ongoing", false)
			.containsEntry("stopped", true)
			.containsEntry("same_start", true);
		assertThat(reportCount()).isEqualTo(2);
	}

	@Test
	void updateFormShowsTheEarlierEntry() throws Exception {
		UUID original = reportEntry(Symptom.BRUISING, "4");
		this.mvc.perform(get("/me/entries/" + original + "/update").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You reported Bruising: 4/10")))
			.andExpect(content().string(containsString("name=\"formToken\"")));
	}

	@Test
	void updateOfAHeadacheAsksTheRedFlagQuestionsAgain() throws Exception {
		UUID original = reportEntry(Symptom.HEADACHE, "4");
		this.mvc.perform(update(this.world.patient(), original, "severity", "7"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"neurologicalSigns-error\"")));
		this.mvc
			.perform(update(this.world.patient(), original, "severity", "7", "suddenWorstEver", "false",
					"feverOrStiffNeck", "true", "neurologicalSigns", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT fever_or_stiff_neck FROM symptom_entry WHERE updates_entry_id = ?")
			.param(original)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void updateWhenStopIsBeforeTheStartOrSeverityMissingThenShowsFieldErrors() throws Exception {
		UUID original = reportEntry(Symptom.BRUISING, "4");
		this.mvc
			.perform(update(this.world.patient(), original, "severity", "", "ongoing", "false", "stoppedAt",
					local(this.started.minus(Duration.ofHours(2)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"severity-error\"")))
			.andExpect(content().string(containsString("cannot have stopped before it started")));
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void updateTwiceWithOneFormTokenAppendsOnce() throws Exception {
		UUID original = reportEntry(Symptom.BRUISING, "4");
		UUID token = UUID.randomUUID();
		this.mvc.perform(update(this.world.patient(), original, "formToken", token.toString(), "severity", "3"));
		this.mvc.perform(update(this.world.patient(), original, "formToken", token.toString(), "severity", "3"));
		assertThat(reportCount()).isEqualTo(2);
	}

	@Test
	void anotherPatientsEntryCannotBeSeenOrUpdated() throws Exception {
		UUID original = reportEntry(Symptom.BRUISING, "4");
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/me/entries/" + original + "/update").with(user(other.patient())))
			.andExpect(status().isNotFound());
		this.mvc.perform(update(other.patient(), original, "severity", "9")).andExpect(status().isNotFound());
		this.mvc.perform(get("/me/entries/" + UUID.randomUUID() + "/update").with(user(this.world.patient())))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT count(*) FROM symptom_entry WHERE updates_entry_id = ?")
			.param(original)
			.query(Long.class)
			.single()).isZero();
	}

	private UUID reportEntry(Symptom symptom, String severity) throws Exception {
		this.mvc
			.perform(report(this.world.patient()).entry(symptom, "severity", severity, "startedAt", local(this.started))
				.build())
			.andExpect(status().is3xxRedirection());
		return this.jdbc.sql("SELECT id FROM symptom_entry WHERE clinic_id = ? AND symptom = ?")
			.params(this.world.clinicId(), symptom.name())
			.query(UUID.class)
			.single();
	}

	private MockHttpServletRequestBuilder update(CurrentUser user, UUID entryId, String... fields) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("formToken", UUID.randomUUID().toString());
		values.put("ongoing", "true");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/me/entries/" + entryId + "/update").with(user(user))
			.with(csrf());
		values.forEach(request::param);
		return request;
	}

	private Map<String, Object> entryRow(UUID id) {
		Map<String, Object> row = this.jdbc
			.sql("SELECT severity, ongoing, stopped_at, started_at, report_id FROM symptom_entry WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		Map<String, Object> copy = new java.util.HashMap<>(row);
		copy.put("started", ((java.sql.Timestamp) row.get("started_at")).toInstant());
		return copy;
	}

	private long reportCount() {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Long.class)
			.single();
	}

}
