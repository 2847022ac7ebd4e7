package org.aftercare.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.clinic.ClinicService;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;
import org.aftercare.web.SpanishPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a Spanish-speaking patient is told the moment they submit (CLINICAL.md section 4)
 * is in Spanish, and the emergency advice first and unmissable: call the clinic's
 * emergency number or go to the nearest emergency department now, then the clinic.
 */
@AftercareTest
class AdviceInSpanishTests {

	private static final String CALL_NOW = "Llame al número de emergencias, 999, o vaya ahora al servicio de urgencias "
			+ "más cercano.";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Autowired
	ClinicService clinics;

	/** R1: a distant-spread symptom. */
	@Test
	void troubleSwallowingTellsThePatientInSpanishToCallTheClinicsEmergencyNumberNow() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String page = advice(world, entry(Symptom.TROUBLE_SWALLOWING, 3, null));
		String clinic = this.clinics.get(world.clinic()).name();
		assertThat(page).contains("<div class=\"advice advice-emergency\" role=\"alert\" id=\"advice\">",
				"<h1>Pida ayuda médica ahora</h1>", CALL_NOW, "href=\"tel:999\"", ">Llamar al 999<",
				"Después, avise a " + clinic + ": " + this.clinics.get(world.clinic()).phone() + ".",
				"Dificultad para tragar");
		// First: the call to action comes before anything else on the page's content.
		assertThat(page.indexOf(CALL_NOW)).isLessThan(page.indexOf("Lo que ha comunicado"));
		assertThat(SpanishPages.englishIn(page, clinic)).isEmpty();
	}

	/** R2: an allergic reaction (hives). */
	@Test
	void hivesAreAnEmergencyInSpanishToo() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String page = advice(world, entry(Symptom.HIVES_OR_ITCHY_WELTS, 4, null));
		assertThat(page).contains("Pida ayuda médica ahora", CALL_NOW, "Urticaria (ronchas rojas que pican)");
		assertThat(SpanishPages.englishIn(page, this.clinics.get(world.clinic()).name())).isEmpty();
	}

	/** R3: a headache with a red flag may have another cause. */
	@Test
	void aSuddenWorstEverHeadacheSaysInSpanishItMayHaveAnotherCause() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String page = advice(world, entry(Symptom.HEADACHE, 8, true));
		assertThat(page).contains(CALL_NOW, "Este dolor de cabeza puede tener una causa distinta de su tratamiento",
				"¿Empezó de repente y es el peor dolor de cabeza que ha tenido nunca?");
		assertThat(SpanishPages.englishIn(page, this.clinics.get(world.clinic()).name())).isEmpty();
	}

	/** R4 HIGH, R9 MEDIUM, and a report below MEDIUM. */
	@Test
	void theOtherLevelsOfAdviceAreSpanish() throws Exception {
		World high = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		assertThat(advice(high, entry(Symptom.BRUISING, 8, null)))
			.contains("Su clínica se pondrá en contacto con usted hoy", "Si empeora, llame a la clínica al");
		World medium = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		assertThat(advice(medium, entry(Symptom.EYELID_DROOP, 4, null)))
			.contains("revisará su informe en un plazo de un día laborable", "Párpado caído");
		World routine = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		String page = advice(routine, entry(Symptom.BRUISING, 2, null));
		assertThat(page).contains("Gracias por su informe", "Moretones (hematomas)", "2/10 (leve)");
		assertThat(SpanishPages.englishIn(page, this.clinics.get(routine.clinic()).name())).isEmpty();
	}

	private String advice(World world, NewEntry entry) throws Exception {
		CurrentUser patient = world.patient();
		this.accounts.changeLanguage(world.clinic(), new AccountId(patient.accountId()), Locale.forLanguageTag("es"));
		CurrentUser spanish = new CurrentUser(patient.accountId(), world.clinicId(), patient.patientId(),
				patient.getUsername(), patient.displayName(), Role.PATIENT, "Europe/London", null, true, "es");
		UUID report = this.reports
			.submit(NewReport.of(world.clinic(), world.patientId(), UUID.randomUUID(), List.of(entry), null))
			.value();
		return this.mvc
			.perform(get("/me/reports/" + report + "/advice").with(user(spanish)).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static NewEntry entry(Symptom symptom, int severity, Boolean suddenWorstEver) {
		Boolean no = (symptom == Symptom.HEADACHE) ? false : null;
		return new NewEntry(symptom, null, severity, 0, Instant.now().minus(Duration.ofHours(2)), true, null,
				suddenWorstEver, no, no, null);
	}

}
