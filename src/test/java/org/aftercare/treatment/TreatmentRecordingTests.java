package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

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
class TreatmentRecordingTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	PatientService patients;

	@Autowired
	JdbcClient jdbc;

	World world;

	UUID patientId;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.patientId = patient(false, false, false, false, false);
	}

	@Test
	void recordsTheTreatmentWithItsAreasAuditsItAndShowsItsPage() throws Exception {
		LocalDateTime at = LocalDateTime.now(LONDON).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
		MvcResult result = this.mvc
			.perform(treatment(this.patientId).param("treatedAt", at.toString())
				.param("areas[1].units", "10")
				.param("areas[3].units", "4.5"))
			.andExpect(redirectedUrlPattern("/clinician/treatments/*"))
			.andReturn();
		UUID treatmentId = UUID.fromString(result.getResponse().getRedirectedUrl().split("/")[3]);
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM treatment WHERE id = ?")
			.param(treatmentId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("clinic_id", this.world.clinicId())
			.containsEntry("patient_id", this.patientId)
			.containsEntry("product", "INCOBOTULINUMTOXINA")
			.containsEntry("lot_number", "LOT-42")
			.containsEntry("injector_id", this.world.clinician().accountId())
			.containsEntry("indication", "MEDICAL")
			.containsEntry("intake_reviewed", true);
		assertThat(((java.sql.Timestamp) row.get("treated_at")).toInstant()).isEqualTo(at.atZone(LONDON).toInstant());
		assertThat(this.jdbc.sql("SELECT area || ':' || units FROM treatment_area WHERE treatment_id = ? ORDER BY area")
			.param(treatmentId)
			.query(String.class)
			.list()).containsExactly("BUNNY_LINES:4.5", "FOREHEAD:10.0");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE action = 'TREATMENT_RECORDED' AND object_id = ? AND patient_id = ?")
			.param(treatmentId)
			.param(this.patientId)
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/clinician/treatments/" + treatmentId).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("incobotulinumtoxinA (Xeomin)")))
			.andExpect(content().string(containsString("Nose (bunny lines)")))
			.andExpect(content().string(containsString("LOT-42")))
			.andExpect(content().string(containsString(this.world.clinician().displayName())))
			.andExpect(content().string(containsString("Not confirmed by the patient yet.")))
			.andExpect(content().string(containsString("2 hours after")))
			.andExpect(content().string(containsString("Day 14")))
			.andExpect(content().string(containsString("14.5")));
	}

	@Test
	void aDoubleSubmitOfOneFormRecordsOneTreatmentWithOneScheduleAndLeadsToIt() throws Exception {
		String page = this.mvc
			.perform(
					get("/clinician/patients/" + this.patientId + "/treatments/new").with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher token = Pattern.compile("name=\"formToken\"[^>]*value=\"([0-9a-f-]{36})\"").matcher(page);
		assertThat(token.find()).as("the form carries a one-time token").isTrue();
		LocalDateTime at = LocalDateTime.now(LONDON).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
		String first = this.mvc
			.perform(treatment(this.patientId).param("formToken", token.group(1))
				.param("treatedAt", at.toString())
				.param("areas[0].units", "20"))
			.andExpect(redirectedUrlPattern("/clinician/treatments/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = this.mvc
			.perform(treatment(this.patientId).param("formToken", token.group(1))
				.param("treatedAt", at.toString())
				.param("areas[0].units", "20"))
			.andExpect(redirectedUrlPattern("/clinician/treatments/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(second).isEqualTo(first);
		UUID treatmentId = UUID.fromString(first.split("/")[3]);
		assertThat(this.jdbc.sql("SELECT count(*) FROM treatment WHERE patient_id = ?")
			.param(this.patientId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(labels(treatmentId)).hasSize(5);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'TREATMENT_RECORDED' AND patient_id = ?")
					.param(this.patientId)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void checkInsAreScheduledFromTheClinicsOffsets() throws Exception {
		this.jdbc.sql("UPDATE clinic SET check_in_offsets = 'P2D, PT6H,P10D' WHERE id = ?")
			.param(this.world.clinicId())
			.update();
		LocalDateTime at = LocalDateTime.now(LONDON).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
		MvcResult result = this.mvc
			.perform(treatment(this.patientId).param("treatedAt", at.toString()).param("areas[0].units", "20"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		UUID treatmentId = UUID.fromString(result.getResponse().getRedirectedUrl().split("/")[3]);
		Instant treatedAt = at.atZone(LONDON).toInstant();
		List<Map<String, Object>> rows = this.jdbc.sql(
				"SELECT due_at, offset_label, patient_id, clinic_id FROM check_in WHERE treatment_id = ? ORDER BY due_at")
			.param(treatmentId)
			.query()
			.listOfRows();
		assertThat(rows).extracting((r) -> r.get("offset_label")).containsExactly("PT6H", "PT48H", "PT240H");
		assertThat(rows).extracting((r) -> ((java.sql.Timestamp) r.get("due_at")).toInstant())
			.containsExactly(treatedAt.plus(Duration.ofHours(6)), treatedAt.plus(Duration.ofDays(2)),
					treatedAt.plus(Duration.ofDays(10)));
		assertThat(rows).allSatisfy((r) -> assertThat(r).containsEntry("patient_id", this.patientId)
			.containsEntry("clinic_id", this.world.clinicId()));
	}

	@Test
	void theDefaultScheduleIsTwoHoursThenDaysOneThreeSevenAndFourteen() throws Exception {
		UUID treatmentId = record(LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES));
		assertThat(labels(treatmentId)).containsExactly("PT2H", "PT24H", "PT72H", "PT168H", "PT336H");
	}

	@Test
	void aTreatmentEnteredLateGetsOnlyTheCheckInsStillAhead() throws Exception {
		UUID treatmentId = record(LocalDateTime.now(LONDON).minusDays(2).truncatedTo(ChronoUnit.MINUTES));
		assertThat(labels(treatmentId)).containsExactly("PT72H", "PT168H", "PT336H");
	}

	@Test
	void withoutTheIntakeReviewNothingIsSaved() throws Exception {
		this.mvc
			.perform(
					post("/clinician/patients/" + this.patientId + "/treatments/new").with(user(this.world.clinician()))
						.with(csrf())
						.param("product", "INCOBOTULINUMTOXINA")
						.param("lotNumber", "LOT-42")
						.param("areas[0].area", "GLABELLAR_LINES")
						.param("areas[0].units", "20")
						.param("injectorId", this.world.clinician().accountId().toString())
						.param("treatedAt",
								LocalDateTime.now(LONDON).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString())
						.param("indication", "COSMETIC")
						.param("_intakeReviewed", "on"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"intakeReviewed-error\"")))
			.andExpect(content().string(containsString(
					"Please review the intake and the patient&#39;s concerns with them, then tick this box.")))
			.andExpect(content().string(containsString("value=\"LOT-42\"")))
			.andExpect(content().string(containsString("value=\"20\"")));
		assertThat(treatmentsOf(this.patientId)).isZero();
	}

	@Test
	void atLeastOneAreaNeedsUnitsAndUnitsStayWithinBounds() throws Exception {
		this.mvc.perform(treatment(this.patientId))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter the units for at least one area.")));
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "401").param("areas[1].units", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter 400 units or fewer.")))
			.andExpect(content().string(containsString("Please enter more than 0 units, or leave the area empty.")))
			.andExpect(content().string(containsString("value=\"401\"")));
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "2.25"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("at most one decimal place")));
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "lots"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter a number of units.")));
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "400"))
			.andExpect(status().is3xxRedirection());
		assertThat(treatmentsOf(this.patientId)).isEqualTo(1);
	}

	@Test
	void theTreatmentTimeMayNotBeAheadByMoreThanFiveMinutesNorOverAYearBack() throws Exception {
		LocalDateTime now = LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
		this.mvc
			.perform(treatment(this.patientId).param("areas[0].units", "20")
				.param("treatedAt", now.plusMinutes(7).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The treatment time cannot be in the future.")));
		this.mvc
			.perform(treatment(this.patientId).param("areas[0].units", "20")
				.param("treatedAt", now.minusDays(366).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The treatment time cannot be more than a year ago.")));
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "20").param("treatedAt", "yesterday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter the date and time of the treatment.")));
		this.mvc
			.perform(treatment(this.patientId).param("areas[0].units", "20")
				.param("treatedAt", now.plusMinutes(4).toString()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void productIndicationAndAnInjectorOfThisClinicAreRequired() throws Exception {
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(
					post("/clinician/patients/" + this.patientId + "/treatments/new").with(user(this.world.clinician()))
						.with(csrf())
						.param("areas[0].area", "GLABELLAR_LINES")
						.param("areas[0].units", "20")
						.param("injectorId", other.clinician().accountId().toString())
						.param("treatedAt", LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES).toString())
						.param("intakeReviewed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose the product.")))
			.andExpect(content().string(containsString("Please choose the indication.")))
			.andExpect(content().string(containsString("Please choose a clinician of this clinic.")))
			.andExpect(content().string(not(containsString(other.clinician().displayName()))));
		assertThat(treatmentsOf(this.patientId)).isZero();
	}

	@Test
	void theFormDefaultsToTheSignedInClinicianAndNow() throws Exception {
		this.mvc
			.perform(
					get("/clinician/patients/" + this.patientId + "/treatments/new").with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<option value=\"" + this.world.clinician().accountId() + "\" selected=\"selected\">")))
			.andExpect(content()
				.string(containsString("value=\"" + LocalDateTime.now(LONDON).toString().substring(0, 13))))
			.andExpect(
					content().string(containsString("I reviewed the intake and the patient&#39;s concerns with them")))
			.andExpect(content().string(not(containsString("id=\"intake-warnings\""))));
	}

	@Test
	void theIntakesWarningsShowBeforeSavingAndOnARerender() throws Exception {
		UUID risky = patient(true, true, true, true, true);
		String url = "/clinician/patients/" + risky + "/treatments/new";
		this.mvc.perform(get(url).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"intake-warnings\"")))
			.andExpect(content().string(containsString("Another botulinum toxin in the last 4 months: the effects")))
			.andExpect(content().string(containsString("Neuromuscular disease: a higher risk")))
			.andExpect(content().string(containsString("Recent aminoglycoside antibiotics: they can")))
			.andExpect(content().string(containsString("Pregnant or breastfeeding: safety")))
			.andExpect(content().string(containsString("abobotulinumtoxinA (Dysport) contains it")));
		// Re-rendered with abobotulinumtoxinA chosen: the milk warning stays
		this.mvc.perform(treatment(risky).param("product", "ABOBOTULINUMTOXINA"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Neuromuscular disease: a higher risk")))
			.andExpect(content().string(containsString("abobotulinumtoxinA (Dysport) contains it")));
		// Another product: no milk warning
		this.mvc.perform(treatment(risky))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Neuromuscular disease: a higher risk")))
			.andExpect(content().string(not(containsString("abobotulinumtoxinA (Dysport) contains it"))));
		// Warnings never block
		this.mvc.perform(treatment(risky).param("product", "ABOBOTULINUMTOXINA").param("areas[0].units", "50"))
			.andExpect(status().is3xxRedirection());
		assertThat(treatmentsOf(risky)).isEqualTo(1);
	}

	@Test
	void anotherClinicsPatientOrTreatmentIsNotFound() throws Exception {
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(get("/clinician/patients/" + other.patient().patientId() + "/treatments/new")
				.with(user(this.world.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(treatment(other.patient().patientId()).param("areas[0].units", "20"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/treatments/" + other.treatmentId()).with(user(this.world.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/treatments/" + UUID.randomUUID()).with(user(this.world.clinician())))
			.andExpect(status().isNotFound());
		assertThat(treatmentsOf(other.patient().patientId())).isEqualTo(1);
	}

	@Test
	void patientsAndAdminsMayNotRecordOrSeeTreatments() throws Exception {
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), this.world.clinicId(), null, "admin@x.test", "Admin",
				Role.ADMIN, "Europe/London", null, true);
		this.mvc.perform(treatment(this.patientId).param("areas[0].units", "20").with(user(this.world.patient())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/patients/" + this.patientId + "/treatments/new").with(user(admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/treatments/" + this.world.treatmentId()).with(user(this.world.patient())))
			.andExpect(status().isForbidden());
		assertThat(treatmentsOf(this.patientId)).isZero();
	}

	private UUID record(LocalDateTime at) throws Exception {
		MvcResult result = this.mvc
			.perform(treatment(this.patientId).param("treatedAt", at.toString()).param("areas[0].units", "20"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return UUID.fromString(result.getResponse().getRedirectedUrl().split("/")[3]);
	}

	/**
	 * A complete form but for the areas' units (and the treatment time, when given
	 * later).
	 */
	private MockHttpServletRequestBuilder treatment(UUID patient) {
		MockHttpServletRequestBuilder request = post("/clinician/patients/" + patient + "/treatments/new")
			.with(user(this.world.clinician()))
			.with(csrf())
			.param("lotNumber", "LOT-42")
			.param("injectorId", this.world.clinician().accountId().toString())
			.param("indication", "MEDICAL")
			.param("intakeReviewed", "true");
		Area[] areas = Area.values();
		for (int i = 0; i < areas.length; i++) {
			request.param("areas[" + i + "].area", areas[i].name());
		}
		// Product and time only when the test gives none (the first value of a parameter
		// wins).
		return request.with((r) -> {
			if (r.getParameter("product") == null) {
				r.addParameter("product", "INCOBOTULINUMTOXINA");
			}
			if (r.getParameter("treatedAt") == null) {
				r.addParameter("treatedAt",
						LocalDateTime.now(LONDON).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES).toString());
			}
			return r;
		});
	}

	private List<String> labels(UUID treatmentId) {
		return this.jdbc.sql("SELECT offset_label FROM check_in WHERE treatment_id = ? ORDER BY due_at")
			.param(treatmentId)
			.query(String.class)
			.list();
	}

	private long treatmentsOf(UUID patient) {
		return this.jdbc.sql("SELECT count(*) FROM treatment WHERE patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single();
	}

	private UUID patient(boolean toxin, boolean neuromuscular, boolean aminoglycosides, boolean pregnant,
			boolean milk) {
		return this.patients
			.enrol(this.world.clinic(),
					new Intake("Risa", "Patient", LocalDate.of(1990, 5, 5),
							"r-" + UUID.randomUUID() + "@test.aftercare", null, false, false, null, neuromuscular,
							false, toxin, aminoglycosides, false, false, pregnant, false, milk, null, null))
			.value();
	}

}
