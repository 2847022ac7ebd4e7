package org.aftercare.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AftercareTest
class PatientsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listShowsEachPatientWithAgeLatestTreatmentAndOpenFlags() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		submit(world, Symptom.TROUBLE_SWALLOWING, 5);
		enrol(world, "Quiet", "Untreated");
		this.mvc.perform(get("/clinician/patients").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(world.patient().displayName())))
			.andExpect(content().string(containsString("1 Jan 1980 (age ")))
			.andExpect(content().string(containsString("onabotulinumtoxinA (Botox)")))
			.andExpect(content().string(containsString("1 open")))
			.andExpect(content().string(containsString("Quiet Untreated")))
			.andExpect(content().string(containsString("No treatment recorded yet.")));
	}

	@Test
	void searchFindsPatientsByPartOfTheirNameAndTakesWildcardsLiterally() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		enrol(world, "Anna", "Bell");
		enrol(world, "Joanna", "Lee");
		enrol(world, "Percy", "100%");
		this.mvc.perform(get("/clinician/patients").param("q", "ANNA").with(user(world.clinician())))
			.andExpect(content().string(containsString("Anna Bell")))
			.andExpect(content().string(containsString("Joanna Lee")))
			.andExpect(content().string(not(containsString("Percy"))));
		this.mvc.perform(get("/clinician/patients").param("q", "a_na").with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No patients match.")));
		this.mvc.perform(get("/clinician/patients").param("q", "%").with(user(world.clinician())))
			.andExpect(content().string(containsString("Percy 100%")))
			.andExpect(content().string(not(containsString("Anna Bell"))));
	}

	@Test
	void listPagesByNameWithAKeysetCursorAndRepeatsNoOne() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		for (int i = 0; i < PatientList.PAGE_SIZE + 2; i++) {
			enrol(world, "Given" + i, String.format("Family%03d", i));
		}
		String first = page(world, "/clinician/patients");
		List<String> firstNames = names(first);
		assertThat(firstNames).hasSize(PatientList.PAGE_SIZE).startsWith("Given0 Family000");
		Matcher more = Pattern.compile("href=\"(/clinician/patients\\?[^\"]*after=[^\"]+)\"[^>]*>More patients")
			.matcher(first);
		assertThat(more.find()).as("a link to the next page").isTrue();
		List<String> secondNames = names(page(world, more.group(1).replace("&amp;", "&")));
		// 52 enrolled and the world's own patient, "Ient", who sorts after "Family...".
		assertThat(secondNames).containsExactly("Given50 Family050", "Given51 Family051",
				world.patient().displayName());
		assertThat(firstNames).doesNotContainAnyElementsOf(secondNames);
	}

	@Test
	void badSearchParametersAreRefusedBesideTheField() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		this.mvc.perform(get("/clinician/patients").param("q", "x".repeat(81)).with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"q-error\"")))
			.andExpect(content().string(containsString("at most 80 characters")));
		this.mvc.perform(get("/clinician/patients").param("after", "not-a-cursor").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This page link is not valid any more.")));
		this.mvc.perform(get("/clinician/patients").param("q", "a\u0000b").with(user(world.clinician())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("control characters")));
	}

	@Test
	void patientPageShowsIntakeEveryEpisodeWithItsReportsAndFlagsAndIsAudited() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(3)), true, true);
		submit(world, Symptom.BRUISING, 2);
		submit(world, Symptom.TROUBLE_SWALLOWING, 6);
		UUID flag = this.jdbc.sql("SELECT id FROM flag WHERE clinic_id = ?")
			.param(world.clinicId())
			.query(UUID.class)
			.single();
		this.mvc.perform(get("/clinician/patients/" + world.patient().patientId()).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(world.patient().displayName())))
			.andExpect(content().string(containsString("High blood pressure")))
			.andExpect(content().string(containsString("Nose (bunny lines): 8 units")))
			.andExpect(content().string(containsString("LOT")))
			.andExpect(content().string(containsString(world.clinician().displayName())))
			.andExpect(content().string(containsString("Bruising 2/10")))
			.andExpect(content().string(containsString("Trouble swallowing 6/10")))
			.andExpect(content().string(containsString("href=\"/clinician/flags/" + flag + "\"")))
			.andExpect(content().string(containsString("R1 Distant spread")));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND patient_id = ? AND action = 'PATIENT_VIEWED'"
					+ " AND actor_id = ?")
			.params(world.clinicId(), world.patient().patientId(), world.clinician().accountId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndNotListed() throws Exception {
		World mine = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		World theirs = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/clinician/patients/" + theirs.patient().patientId()).with(user(mine.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/patients").with(user(mine.clinician())))
			.andExpect(content().string(not(containsString(theirs.patient().displayName()))));
		this.mvc.perform(get("/clinician/patients/" + UUID.randomUUID()).with(user(mine.clinician())))
			.andExpect(status().isNotFound());
	}

	@Test
	void patientsCannotOpenThePatientList() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/clinician/patients").with(user(world.patient()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/patients/" + world.patient().patientId()).with(user(world.patient())))
			.andExpect(status().isForbidden());
	}

	@Test
	void clinicianNavigationLeadsToPatients() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc.perform(get("/clinician/flags").with(user(world.clinician())))
			.andExpect(content().string(containsString("<a href=\"/clinician/patients\">Patients</a>")));
	}

	private String page(World world, String url) throws Exception {
		return this.mvc.perform(get(url).with(user(world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> names(String html) {
		Matcher link = Pattern.compile("<a href=\"/clinician/patients/[0-9a-f-]+\">([^<]+)</a>").matcher(html);
		List<String> names = new java.util.ArrayList<>();
		while (link.find()) {
			names.add(link.group(1));
		}
		return names;
	}

	private void enrol(World world, String given, String family) {
		this.patients.enrol(world.clinic(),
				new Intake(given, family, LocalDate.of(1990, 5, 6),
						given.toLowerCase() + "-" + UUID.randomUUID() + "@test.aftercare", null, false, false, null,
						false, false, false, false, false, false, false, false, false, null, null));
	}

	private UUID submit(World world, Symptom symptom, int severity) {
		return this.reports.submit(
				NewReport
					.of(world.clinic(), world.patientId(), UUID.randomUUID(),
							List.of(new NewEntry(symptom, null, severity, null,
									Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
							null))
			.value();
	}

}
