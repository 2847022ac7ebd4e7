package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The note beside the language switch on a form tells the truth about what switching
 * loses: on the signed-in patient's report form, whose draft comes back after the reload
 * (report-draft.js shows that note once it can keep one, OfflineReportJourneyTests), both
 * notes are there for the script to choose; on an update and on a check-in link's report
 * form, which keep no draft, only that what was entered is lost.
 */
@AftercareTest
class LanguageSwitchNoteTests {

	private static final String LOST = "Changing the language reloads this page without what you have entered here.";

	private static final String KEPT = "what you have entered is kept on this phone";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	CheckInLinks links;

	@Autowired
	TreatmentService treatments;

	@Test
	void theReportFormCarriesTheNoteThatItsDraftIsKeptForItsScriptToShow() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		String page = page(this.mvc.perform(get("/me/reports/new").with(user(world.patient())))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page).contains(LOST, KEPT);
		// Without the script the draft is not kept: the note that it is lost shows, the
		// other waits hidden.
		assertThat(page).containsPattern("<span class=\"hint\" data-draft-switch-lost=\"true\">" + LOST)
			.containsPattern("<span class=\"hint\" hidden data-draft-switch-kept>[^<]*" + KEPT);
	}

	@Test
	void anUpdateAndACheckInLinksReportFormSayOnlyThatWhatWasEnteredIsLost() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		ReportId report = this.reports
			.submit(NewReport.of(
					world.clinic(), world.patientId(), UUID.randomUUID(), List.of(new NewEntry(Symptom.BRUISING, null,
							3, 0, Instant.now().minus(Duration.ofHours(5)), true, null, null, null, null, null)),
					null));
		UUID entry = this.reports.findForPatient(world.clinic(), world.patientId(), report)
			.orElseThrow()
			.entries()
			.get(0)
			.id();
		String update = page(this.mvc.perform(get("/me/entries/" + entry + "/update").with(user(world.patient())))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(update).contains("/update\" method=\"post\"", LOST).doesNotContain(KEPT, "data-draft-");

		String token = this.links
			.issue(world.clinic(), this.treatments.checkIns(world.clinic(), world.treatment()).get(0).id())
			.orElseThrow();
		Cookie session = this.mvc.perform(get("/c/" + token)).andReturn().getResponse().getCookie("SESSION");
		String viaLink = page(this.mvc.perform(get("/check-in/report").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(viaLink).contains("report-form", LOST).doesNotContain(KEPT, "data-draft-");
	}

	private static String page(String html) {
		return HtmlUtils.htmlUnescape(html);
	}

}
