package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;

import static org.aftercare.report.ReportRequests.local;
import static org.aftercare.report.ReportRequests.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
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

	private static final int HEADACHE = Symptom.HEADACHE.ordinal();

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
	void showReportFormOffersTheGroupedCatalogueInPlainWordsWithAOneTimeToken() throws Exception {
		this.mvc.perform(get("/me/reports/new").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Drooping eyelid")))
			.andExpect(content().string(containsString("Changes in the face")))
			.andExpect(content().string(containsString("name=\"formToken\"")))
			.andExpect(content().string(containsString("name=\"entries[" + HEADACHE + "].chosen\"")))
			.andExpect(content().string(containsString("Quite a bit")))
			.andExpect(content().string(not(containsString("EYELID_DROOP<"))))
			.andExpect(content().string(not(containsString("has-error"))))
			.andExpect(content().string(not(containsString("field-error"))));
	}

	@Test
	void showReportFormDefaultsTheStartToNowInTheFormatADateTimeInputReads() throws Exception {
		String html = this.mvc.perform(get("/me/reports/new").with(user(this.world.patient())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String now = local(Instant.now()).substring(0, 13);
		assertThat(html)
			.containsPattern("<input type=\"datetime-local\"[^>]*name=\"entries\\[0\\]\\.startedAt\"[^>]*value=\"" + now
					+ ":\\d\\d\"");
	}

	@Test
	void showReportFormAsksTheRedFlagQuestionsForAHeadacheOnly() throws Exception {
		String html = this.mvc.perform(get("/me/reports/new").with(user(this.world.patient())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("name=\"entries[" + HEADACHE + "].suddenWorstEver\"");
		assertThat(html.split("worst headache you have ever had", -1)).hasSize(2);
		assertThat(html).doesNotContain("name=\"entries[" + Symptom.BRUISING.ordinal() + "].suddenWorstEver\"");
	}

	@Test
	void submitReportWithSeveralEntriesSavesThemAllWithTheReportContext() throws Exception {
		MvcResult result = this.mvc
			.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "severity", "6", "interference", "2")
				.entry(Symptom.BRUISING, "severity", "2", "interference", "0")
				.with("otherCauses", "STRESS|POOR_SLEEP")
				.with("medicines", "paracetamol")
				.with("medicinesHelped", "PARTLY")
				.with("wentToEmergency", "true")
				.with("notes", "Started after lunch")
				.build())
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/me/reports/*/advice"))
			.andReturn();
		this.mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Headache")))
			.andExpect(content().string(containsString("6/10 (moderate)")))
			.andExpect(content().string(containsString("Bruising")))
			.andExpect(content().string(containsString("2/10 (mild)")))
			.andExpect(content().string(containsString("Somewhat")))
			.andExpect(content().string(containsString("Poor sleep")))
			.andExpect(content().string(containsString("paracetamol")))
			.andExpect(content().string(containsString("I went to an emergency department")))
			.andExpect(content().string(containsString("Started after lunch")));
		Map<String, Object> report = this.jdbc
			.sql("SELECT other_causes, medicines, medicines_helped, went_to_emergency, admitted_to_hospital, "
					+ "no_new_symptoms FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query()
			.singleRow();
		assertThat(report).containsEntry("other_causes", "POOR_SLEEP,STRESS")
			.containsEntry("medicines", "paracetamol")
			.containsEntry("medicines_helped", "PARTLY")
			.containsEntry("went_to_emergency", true)
			.containsEntry("admitted_to_hospital", false)
			.containsEntry("no_new_symptoms", false);
		assertThat(entrySymptoms()).containsExactly("HEADACHE", "BRUISING");
	}

	@Test
	void submitReportStoresAHeadachesRedFlagAnswersAndNoneForOtherSymptoms() throws Exception {
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "suddenWorstEver", "true")
				.entry(Symptom.BRUISING)
				.build())
			.andExpect(status().is3xxRedirection());
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT symptom, sudden_worst_ever, fever_or_stiff_neck, neurological_signs, interference "
					+ "FROM symptom_entry WHERE clinic_id = ? ORDER BY position")
			.param(this.world.clinicId())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("symptom", "HEADACHE")
			.containsEntry("sudden_worst_ever", true)
			.containsEntry("fever_or_stiff_neck", false)
			.containsEntry("neurological_signs", false)
			.containsEntry("interference", 1);
		assertThat(rows.get(1)).containsEntry("symptom", "BRUISING")
			.containsEntry("sudden_worst_ever", null)
			.containsEntry("fever_or_stiff_neck", null);
	}

	@Test
	void submitReportIgnoresTheAnswersOfSymptomsNotChosen() throws Exception {
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.BRUISING)
				.entry(Symptom.NAUSEA, "chosen", "false", "severity", "11")
				.build())
			.andExpect(status().is3xxRedirection());
		assertThat(entrySymptoms()).containsExactly("BRUISING");
	}

	@Test
	void submitReportWhenNoSymptomIsChosenThenAsksForOne() throws Exception {
		this.mvc.perform(report(this.world.patient()).with("notes", "my own words").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"entries-error\"")))
			.andExpect(content().string(containsString("Please choose at least one symptom")))
			.andExpect(content().string(containsString("my own words")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenSeverityOutOfRangeThenShowsFieldErrorAndKeepsEveryTypedValue() throws Exception {
		String html = this.mvc
			.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "severity", "11")
				.entry(Symptom.BRUISING, "severity", "3")
				.with("medicines", "ibuprofen 200")
				.with("otherCauses", "ALCOHOL")
				.with("notes", "my own words")
				.build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"entries[" + HEADACHE + "].severity-error\"")))
			.andExpect(content().string(containsString("Please choose a number from 0 to 10")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("my own words", "ibuprofen 200");
		// The refused field, and only it, is marked (form.html checks fields one by one
		// only when the form has an error at all).
		assertThat(html).containsOnlyOnce("class=\"field has-error\"")
			.doesNotContain("entries[" + Symptom.BRUISING.ordinal() + "].severity-error");
		int bruising = Symptom.BRUISING.ordinal();
		assertThat(checked(html, "entries[" + bruising + "].chosen", "true")).isTrue();
		assertThat(checked(html, "entries[" + bruising + "].severity", "3")).isTrue();
		assertThat(checked(html, "entries[" + bruising + "].severity", "4")).isFalse();
		assertThat(checked(html, "otherCauses", "ALCOHOL")).isTrue();
		assertThat(checked(html, "otherCauses", "STRESS")).isFalse();
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenSeverityMissingThenShowsFieldError() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING, "severity", null).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("how bad it was at its worst")));
	}

	@Test
	void submitReportWhenInterferenceMissingOrOutOfRangeThenShowsFieldError() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING, "interference", null).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("got in the way of your usual activities")));
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING, "interference", "5").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("one of the five answers")));
	}

	@Test
	void submitReportWhenAHeadacheRedFlagIsUnansweredThenAsksForIt() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.HEADACHE, "feverOrStiffNeck", null).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"entries[" + HEADACHE + "].feverOrStiffNeck-error\"")))
			.andExpect(content().string(containsString("Please answer yes or no")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenNotesHoldANulByteThenShowsFieldError() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("notes", "bad\u0000byte").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"notes-error\"")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenADescriptionHoldsAControlCharacterThenShowsFieldError() throws Exception {
		int other = Symptom.OTHER.ordinal();
		this.mvc
			.perform(
					report(this.world.patient()).entry(Symptom.OTHER, "otherDescription", "tingling\u001b[31m").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"entries[" + other + "].otherDescription-error\"")))
			.andExpect(content().string(containsString("control characters")));
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("medicines", "one\u0007two").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"medicines-error\"")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportTakesItsFieldsFromTheFormOnlyNeverFromHeadersOfTheSameName() throws Exception {
		// Spring MVC would otherwise fill the fields the form did not send from request
		// headers named like them (CachedBindParamNames.Initializer turns that off).
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.BRUISING)
				.build()
				.header("medicines", "from a header")
				.header("notes", "from a header")
				.header("wentToEmergency", "true"))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> report = this.jdbc
			.sql("SELECT medicines, notes, went_to_emergency FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query()
			.singleRow();
		assertThat(report).containsEntry("medicines", null)
			.containsEntry("notes", null)
			.containsEntry("went_to_emergency", false);
	}

	@Test
	void submitReportWhenAFieldNameHoldsAControlCharacterThenTheFirewallRefusesIt() throws Exception {
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("no" + (char) 7 + "tes", "x").build())
			.andExpect(status().isBadRequest());
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenTextIsTooLongThenShowsFieldError() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("notes", "x".repeat(10_000)).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("2,000 characters or fewer")));
		this.mvc.perform(report(this.world.patient()).entry(Symptom.OTHER, "otherDescription", "y".repeat(201)).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("200 characters or fewer")));
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("medicines", "z".repeat(501)).build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("500 characters or fewer")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenStartIsInTheFutureThenShowsFieldError() throws Exception {
		this.mvc
			.perform(report(this.world.patient())
				.entry(Symptom.BRUISING, "startedAt", local(Instant.now().plus(Duration.ofHours(3))))
				.build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be in the future")));
	}

	@Test
	void submitReportWhenStartIsMoreThanTwelveWeeksBeforeTheTreatmentThenShowsFieldError() throws Exception {
		this.mvc
			.perform(report(this.world.patient())
				.entry(Symptom.BRUISING, "startedAt", local(Instant.now().minus(Duration.ofDays(2 + 85))))
				.build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("more than 12 weeks before your treatment")));
	}

	@Test
	void submitReportWhenStopIsBeforeStartOrMissingThenShowsFieldError() throws Exception {
		Instant start = Instant.now().minus(Duration.ofHours(5));
		this.mvc
			.perform(
					report(this.world.patient())
						.entry(Symptom.BRUISING, "startedAt", local(start), "ongoing", "false", "stoppedAt",
								local(start.minus(Duration.ofHours(1))))
						.build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot have stopped before it started")));
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.BRUISING, "ongoing", "false", "stoppedAt", "").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please say when it stopped")));
	}

	@Test
	void submitReportWhenADateIsNotADateThenShowsFieldErrorAndKeepsIt() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING, "startedAt", "yesterday-ish").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter the date and time it started")))
			.andExpect(content().string(containsString("yesterday-ish")));
	}

	@Test
	void submitReportWithAStopAfterTheStartSavesIt() throws Exception {
		Instant start = Instant.now().minus(Duration.ofHours(5));
		this.mvc
			.perform(
					report(this.world.patient())
						.entry(Symptom.BRUISING, "startedAt", local(start), "ongoing", "false", "stoppedAt",
								local(start.plus(Duration.ofHours(2))))
						.build())
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT ongoing FROM symptom_entry WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void submitReportWhenOtherHasNoDescriptionThenAsksForOne() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.OTHER, "otherDescription", "  ").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("describe what you are feeling")));
	}

	@Test
	void submitReportOfOtherKeepsItsDescription() throws Exception {
		this.mvc
			.perform(report(this.world.patient()).entry(Symptom.OTHER, "otherDescription", " metallic taste ").build())
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT other_description FROM symptom_entry WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(String.class)
			.single()).isEqualTo("metallic taste");
	}

	@Test
	void submitReportTwiceWithOneFormTokenCreatesOneReport() throws Exception {
		UUID token = UUID.randomUUID();
		String first = this.mvc.perform(report(this.world.patient(), token).entry(Symptom.HEADACHE).build())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = this.mvc
			.perform(report(this.world.patient(), token).entry(Symptom.HEADACHE).entry(Symptom.BRUISING).build())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(first).isNotNull();
		assertThat(second).isEqualTo(first);
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void submitReportStartedBeforeTreatmentIsMarkedPreExisting() throws Exception {
		String url = this.mvc
			.perform(report(this.world.patient())
				.entry(Symptom.HEADACHE, "startedAt", local(Instant.now().minus(Duration.ofDays(5))))
				.build())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url).with(user(this.world.patient())))
			.andExpect(content().string(containsString("Started before the treatment")));
	}

	@Test
	void submitReportWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/me/reports").with(user(this.world.patient()))
				.param("entries[0].symptom", "HEADACHE")
				.param("entries[0].chosen", "true"))
			.andExpect(status().isForbidden());
		assertThat(reportCount()).isZero();
	}

	@Test
	void submitReportWhenTheFormTokenIsMissingThenAsksToReload() throws Exception {
		this.mvc.perform(report(this.world.patient()).entry(Symptom.BRUISING).with("formToken", "").build())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This form has expired")));
		assertThat(reportCount()).isZero();
	}

	@Test
	void patientCannotSeeAnotherPatientsReport() throws Exception {
		String url = this.mvc.perform(report(this.world.patient()).entry(Symptom.HEADACHE).build())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get(url.replace("?submitted", "")).with(user(other.patient())))
			.andExpect(status().isNotFound());
	}

	@Test
	void ownReportOffersAnUpdateOfEachEntry() throws Exception {
		String url = this.mvc.perform(report(this.world.patient()).entry(Symptom.HEADACHE).build())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url.replace("/advice", "")).with(user(this.world.patient())))
			.andExpect(content().string(matchesPattern("(?s).*href=\"/me/entries/[0-9a-f-]{36}/update\".*")));
	}

	@Test
	void staffCannotUseThePatientPages() throws Exception {
		this.mvc.perform(get("/me/reports/new").with(user(this.world.clinician()))).andExpect(status().isForbidden());
		this.mvc.perform(post("/me/check-in").with(user(this.world.clinician())).with(csrf()))
			.andExpect(status().isForbidden());
	}

	/** Is the checkbox or radio button with this name and value checked in the page? */
	static boolean checked(String html, String name, String value) {
		java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*>").matcher(html);
		while (input.find()) {
			String tag = input.group();
			if (tag.contains("name=\"" + name + "\"") && tag.contains("value=\"" + value + "\"")) {
				return tag.contains("checked");
			}
		}
		throw new AssertionError("no input " + name + "=" + value);
	}

	private List<String> entrySymptoms() {
		return this.jdbc.sql("SELECT symptom FROM symptom_entry WHERE clinic_id = ? ORDER BY position")
			.param(this.world.clinicId())
			.query(String.class)
			.list();
	}

	private long reportCount() {
		return this.jdbc.sql("SELECT count(*) FROM symptom_report WHERE clinic_id = ?")
			.param(this.world.clinicId())
			.query(Long.class)
			.single();
	}

}
