package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.treatment.TreatmentService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinic's aftercare sheet: the admin edits it, the patient reads and confirms it,
 * the clinician sees the confirmation.
 */
@AftercareTest
class AftercareSheetPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TreatmentService treatments;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	World world;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		this.world = this.fixtures.world(Instant.now().minus(Duration.ofHours(1)));
		this.admin = new CurrentUser(UUID.randomUUID(), this.world.clinicId(), null, "admin@x.test", "Admin",
				Role.ADMIN, "Europe/London", null, true);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theAdminEditsTheSheetItIsAuditedAndThePatientSeesIt() throws Exception {
		this.mvc.perform(get("/admin/aftercare").with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Patients see the default sheet.")))
			.andExpect(content().string(containsString("- Stay upright for about 4 hours.")));
		this.mvc
			.perform(post("/admin/aftercare").with(user(this.admin))
				.with(csrf())
				.param("text", "Keep your head up for 4 hours.\r\nCall us on 0123 if worried."))
			.andExpect(redirectedUrl("/admin/aftercare"));
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'AFTERCARE_SHEET_CHANGED'")
			.param(this.world.clinicId())
			.query(String.class)
			.single()).startsWith("default -> ").contains("Keep your head up");
		this.mvc.perform(get("/me/aftercare").with(user(this.world.patient())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Keep your head up for 4 hours.\nCall us on 0123 if worried.")))
			.andExpect(content().string(not(containsString("Stay upright for about 4 hours."))))
			// the emergency symptoms always show
			.andExpect(content().string(containsString("When to get help right away")));
		// Another clinic's patients keep the default
		World other = this.fixtures.world(Instant.now().minus(Duration.ofHours(1)));
		this.mvc.perform(get("/me/aftercare").with(user(other.patient())))
			.andExpect(content().string(containsString("Stay upright for about 4 hours.")))
			.andExpect(content().string(not(containsString("Keep your head up"))));
	}

	@Test
	void theAdminGoesBackToTheDefaultSheet() throws Exception {
		this.mvc.perform(post("/admin/aftercare").with(user(this.admin)).with(csrf()).param("text", "Our own sheet"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/aftercare/reset").with(user(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/aftercare"));
		this.mvc.perform(get("/me/aftercare").with(user(this.world.patient())))
			.andExpect(content().string(containsString("Stay upright for about 4 hours.")))
			.andExpect(content().string(not(containsString("Our own sheet"))));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'AFTERCARE_SHEET_CHANGED'")
			.param(this.world.clinicId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anEmptyTooLongOrControlCharacterSheetIsRefusedWithTheTextKept() throws Exception {
		this.mvc.perform(post("/admin/aftercare").with(user(this.admin)).with(csrf()).param("text", "  "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please write the sheet, or go back to the default one.")));
		String tooLong = "Rest. ".repeat(1334);
		this.mvc.perform(post("/admin/aftercare").with(user(this.admin)).with(csrf()).param("text", tooLong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"text-error\"")))
			.andExpect(content().string(containsString("Please keep the sheet to 8,000 characters or fewer.")))
			.andExpect(content().string(containsString(tooLong.strip())));
		this.mvc.perform(post("/admin/aftercare").with(user(this.admin)).with(csrf()).param("text", "Rest\u0000"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please remove control characters")));
		assertThat(this.jdbc.sql("SELECT aftercare_sheet FROM clinic WHERE id = ?")
			.param(this.world.clinicId())
			.query(String.class)
			.optional()).isEmpty();
	}

	@Test
	void onlyTheAdminEditsTheSheet() throws Exception {
		this.mvc.perform(get("/admin/aftercare").with(user(this.world.clinician()))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/aftercare").with(user(this.world.patient())).with(csrf()).param("text", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/aftercare/reset").with(user(this.world.clinician())).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePatientConfirmsReadingItWithOneTapAndTheClinicianSeesWhen() throws Exception {
		this.mvc.perform(get("/me/aftercare").with(user(this.world.patient())))
			.andExpect(content().string(containsString("action=\"/me/aftercare/confirm\"")))
			.andExpect(content().string(containsString("I have read this")));
		this.mvc.perform(post("/me/aftercare/confirm").with(user(this.world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/aftercare"));
		Instant confirmed = this.treatments.find(this.world.clinic(), this.world.treatment())
			.orElseThrow()
			.aftercareConfirmedAt();
		assertThat(confirmed).isNotNull();
		String when = new org.aftercare.web.Dates().dateTime(confirmed);
		this.mvc.perform(get("/me/aftercare").with(user(this.world.patient())))
			.andExpect(content().string(containsString("You confirmed reading this on")))
			.andExpect(content().string(not(containsString("action=\"/me/aftercare/confirm\""))));
		// A second tap keeps the first time
		this.clock.advance(Duration.ofHours(2));
		this.mvc.perform(post("/me/aftercare/confirm").with(user(this.world.patient())).with(csrf()))
			.andExpect(redirectedUrl("/me/aftercare"));
		assertThat(
				this.treatments.find(this.world.clinic(), this.world.treatment()).orElseThrow().aftercareConfirmedAt())
			.isEqualTo(confirmed);
		this.mvc.perform(get("/clinician/treatments/" + this.world.treatmentId()).with(user(this.world.clinician())))
			.andExpect(content().string(containsString("The patient confirmed reading it on")));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE patient_id = ? AND action = 'AFTERCARE_CONFIRMED'")
			.param(this.world.patient().patientId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(when).isNotBlank();
	}

	@Test
	void confirmingNeedsTheCsrfTokenAndThePatientRole() throws Exception {
		this.mvc.perform(post("/me/aftercare/confirm").with(user(this.world.patient())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/me/aftercare/confirm").with(user(this.world.clinician())).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(
				this.treatments.find(this.world.clinic(), this.world.treatment()).orElseThrow().aftercareConfirmedAt())
			.isNull();
	}

}
