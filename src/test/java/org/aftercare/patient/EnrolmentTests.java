package org.aftercare.patient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

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
class EnrolmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	World world;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
	}

	@Test
	void enrolsThePatientWithTheirIntakeInvitesThemAndAudits() throws Exception {
		String email = "new-" + UUID.randomUUID() + "@test.aftercare";
		MvcResult result = this.mvc
			.perform(enrol(email).param("hypertension", "true")
				.param("_hypertension", "on")
				.param("_neuromuscularDisease", "on")
				.param("cowsMilkAllergy", "true")
				.param("migraineHistory", "true")
				.param("baselineHeadacheDays", "4")
				.param("currentMedicines", "Lisinopril 10 mg")
				.param("concerns", "Worried about\nheadaches"))
			.andExpect(redirectedUrlPattern("/clinician/enrol/*/invited"))
			.andReturn();
		UUID patientId = UUID.fromString(result.getResponse().getRedirectedUrl().split("/")[3]);
		Map<String, Object> patient = this.jdbc.sql("SELECT * FROM patient WHERE id = ?")
			.param(patientId)
			.query()
			.singleRow();
		assertThat(patient).containsEntry("clinic_id", this.world.clinicId())
			.containsEntry("given_name", "Ada")
			.containsEntry("family_name", "Lovelace")
			.containsEntry("email", email)
			.containsEntry("hypertension", true)
			.containsEntry("neuromuscular_disease", false)
			.containsEntry("cows_milk_allergy", true)
			.containsEntry("migraine_history", true)
			.containsEntry("baseline_headache_days", 4)
			.containsEntry("current_medicines", "Lisinopril 10 mg")
			.containsEntry("concerns", "Worried about\nheadaches");
		Map<String, Object> account = this.jdbc
			.sql("SELECT role, patient_id, password_hash, clinic_id FROM user_account WHERE email = ?")
			.param(email)
			.query()
			.singleRow();
		assertThat(account).containsEntry("role", "PATIENT")
			.containsEntry("patient_id", patientId)
			.containsEntry("clinic_id", this.world.clinicId())
			.containsEntry("password_hash", null);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'PATIENT_ENROLLED' AND patient_id = ?")
					.param(patientId)
					.query(Long.class)
					.single())
			.isEqualTo(1);
		this.mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An invitation to set a password was sent to " + email)))
			.andExpect(
					content().string(containsString("href=\"/clinician/patients/" + patientId + "/treatments/new\"")));
	}

	@Test
	void missingNamesEmailAndDateOfBirthAreShownBesideTheirFields() throws Exception {
		this.mvc
			.perform(post("/clinician/enrol").with(user(this.world.clinician()))
				.with(csrf())
				.param("phone", "+44 20 7946 0000")
				.param("concerns", "Keep me"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"givenName-error\"")))
			.andExpect(content().string(containsString("Please enter the first name.")))
			.andExpect(content().string(containsString("Please enter the last name.")))
			.andExpect(content().string(containsString("Please enter the e-mail address.")))
			.andExpect(content().string(containsString("Please enter the date of birth.")))
			.andExpect(content().string(containsString("value=\"+44 20 7946 0000\"")))
			.andExpect(content().string(containsString(">Keep me</textarea>")));
	}

	@Test
	void anInvalidEmailIsRefusedWithTheInputKept() throws Exception {
		this.mvc.perform(enrol("not-an-address").param("hypertension", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("Please enter a valid e-mail address")))
			.andExpect(content().string(containsString("value=\"not-an-address\"")))
			.andExpect(content().string(containsString("value=\"Ada\"")))
			.andExpect(content().string(containsString("checked=\"checked\"")));
	}

	@Test
	void thePhoneNumberIsOptionalAsAnEmptyFieldSendsIt() throws Exception {
		String email = unique();
		this.mvc
			.perform(post("/clinician/enrol").with(user(this.world.clinician()))
				.with(csrf())
				.param("givenName", "Grace")
				.param("familyName", "Hopper")
				.param("dateOfBirth", "1980-12-09")
				.param("email", email)
				.param("phone", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT phone IS NULL FROM patient WHERE email = ?")
			.param(email)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anEmailAnyAccountAlreadyUsesIsRefused() throws Exception {
		this.mvc.perform(enrol(this.world.clinicianEmail().toUpperCase()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("An account already uses this e-mail address.")));
		assertThat(count("SELECT count(*) FROM patient WHERE clinic_id = ?")).isEqualTo(1);
	}

	@Test
	void aMinorIsRefusedSayingPatientsMustBeAdults() throws Exception {
		LocalDate seventeen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(18).plusDays(1);
		this.mvc.perform(enrol(unique(), seventeen.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The patient must be at least 18 years old.")))
			.andExpect(content().string(containsString("value=\"" + seventeen + "\"")));
		LocalDate eighteen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(18).minusDays(1);
		this.mvc.perform(enrol(unique(), eighteen.toString())).andExpect(status().is3xxRedirection());
	}

	@Test
	void aDateOfBirthInTheFutureOrLongAgoIsRefused() throws Exception {
		this.mvc.perform(enrol(unique(), LocalDate.now().plusDays(2).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The date of birth must be in the past.")));
		this.mvc.perform(enrol(unique(), "1850-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please check the year")));
		this.mvc.perform(enrol(unique(), "31/12/1980"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter a date of birth.")));
	}

	@Test
	void textsLongerThanTheirColumnsOrWithControlCharactersAreRefused() throws Exception {
		this.mvc
			.perform(enrol(unique()).param("givenName", "A".repeat(81))
				.param("concerns", "x".repeat(2001))
				.param("currentMedicines", "aspirin\u0000")
				.param("phone", "call me")
				.param("baselineHeadacheDays", "32"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"givenName-error\"")))
			.andExpect(content().string(containsString("id=\"concerns-error\"")))
			.andExpect(content().string(containsString("id=\"currentMedicines-error\"")))
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("Please enter a number from 0 to 31.")));
		assertThat(count("SELECT count(*) FROM patient WHERE clinic_id = ?")).isEqualTo(1);
	}

	@Test
	void onlyCliniciansEnrol() throws Exception {
		this.mvc.perform(get("/clinician/enrol").with(user(this.world.patient()))).andExpect(status().isForbidden());
		this.mvc.perform(enrol(unique()).with(user(admin(this.world)))).andExpect(status().isForbidden());
		this.mvc.perform(get("/clinician/enrol").with(user(this.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/clinician/enrol\"")));
	}

	@Test
	void anotherClinicsPatientIsNotFound() throws Exception {
		World other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.mvc
			.perform(get("/clinician/enrol/" + other.patient().patientId() + "/invited")
				.with(user(this.world.clinician())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(other.patientEmail()))));
	}

	private MockHttpServletRequestBuilder enrol(String email) {
		return enrol(email, "1985-12-10");
	}

	private MockHttpServletRequestBuilder enrol(String email, String dateOfBirth) {
		return post("/clinician/enrol").with(user(this.world.clinician()))
			.with(csrf())
			.param("givenName", "Ada")
			.param("familyName", "Lovelace")
			.param("dateOfBirth", dateOfBirth)
			.param("email", email)
			.param("phone", "+44 20 7946 0123");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param(this.world.clinicId()).query(Long.class).single();
	}

	private static String unique() {
		return "p-" + UUID.randomUUID() + "@test.aftercare";
	}

	static CurrentUser admin(World world) {
		return new CurrentUser(UUID.randomUUID(), world.clinicId(), null, "admin@x.test", "Admin", Role.ADMIN,
				"Europe/London", null, true);
	}

}
