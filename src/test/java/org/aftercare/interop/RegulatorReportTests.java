package org.aftercare.interop;

import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.report.ReportService;
import org.aftercare.security.CurrentUser;
import org.aftercare.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clinician prepares a regulator's report from a flag: a PDF draft with the form's
 * sections filled from the case, what the app does not hold left visibly blank, and the
 * preparation in the audit trail.
 */
@AftercareTest
class RegulatorReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	ApiClients clients;

	@Autowired
	JdbcClient jdbc;

	private FhirClinic clinic;

	/** The clinician who prepares it, with a name that needs more than ASCII. */
	private CurrentUser reporter;

	@BeforeEach
	void resolvedSeriousCase() throws Exception {
		this.clinic = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		CurrentUser clinician = this.clinic.world.clinician();
		this.reporter = new CurrentUser(clinician.accountId(), clinician.clinicId().value(), null,
				"lucia@test.aftercare", "Lucía Fernández", Role.CLINICIAN, "Europe/London", null, true);
	}

	@Test
	void theMedWatchDraftFillsTheFormsSectionsFromTheCaseAndLeavesTheRestVisiblyBlank() throws Exception {
		MockHttpServletResponse response = prepare("medwatch-3500", this.reporter);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment; filename=\"medwatch-3500-draft-" + this.clinic.flagId.toString().substring(24));
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		String text = text(response);
		assertThat(text).contains("DRAFT: FDA MedWatch Form 3500")
			.contains("This is a draft for the reporter to check and submit")
			.contains("Section A. Patient information", "Section B. Adverse event, product problem",
					"Section C. Product availability", "Section D. Suspect products", "Section G. Reporter");
		assertThat(text).contains("A1. Patient identifier (initials)\nP.I.").contains("A2. Age at time of event\n");
		assertThat(line(text, "A3. Sex")).isEqualTo(RegulatorPdf.NOT_HELD);
		assertThat(line(text, "A4. Weight")).isEqualTo(RegulatorPdf.NOT_HELD);
		assertThat(text).contains("Trouble swallowing")
			.contains("[X] Hospitalization (initial or prolonged)")
			.contains("[ ] Death")
			.contains("causality (WHO-UMC) Probably/Likely");
		assertThat(line(text, "D1. Name, strength, manufacturer / compounder")).isEqualTo("onabotulinumtoxinA (Botox)");
		assertThat(line(text, "D1. Lot number")).startsWith("LOT");
		assertThat(text).contains("Route: Intramuscular injection")
			.contains("Glabellar lines (frown lines): 20 units")
			.contains("Cosmetic: glabellar lines (frown lines)");
		assertThat(line(text, "G1. Name")).isEqualTo("Lucía Fernández");
		assertThat(text).doesNotContain(this.clinic.world.patientEmail()).doesNotContain("Ient");
		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'REGULATOR_REPORT_PREPARED'
				   AND object_id = ? AND patient_id = ? AND actor_id = ?
				""")
			.params(this.clinic.world.clinicId(), this.clinic.flagId, this.clinic.world.patient().patientId(),
					this.reporter.accountId())
			.query(String.class)
			.list()).containsExactly("FDA MedWatch Form 3500");
	}

	@Test
	void theYellowCardDraftHasTheYellowCardsSections() throws Exception {
		String text = text(prepare("yellow-card", this.reporter));
		assertThat(text).contains("DRAFT: MHRA Yellow Card")
			.contains("Patient details", "Suspected reaction(s)", "Suspected medicine(s)", "Reporter details")
			.contains("yellowcard.mhra.gov.uk");
		assertThat(line(text, "Outcome")).isEqualTo("Other: recovered with lasting effects (sequelae)");
		assertThat(line(text, "Date reaction stopped")).as("still going on when reported")
			.isEqualTo(RegulatorPdf.NOT_HELD);
		assertThat(text).contains("[X] Involved or prolonged inpatient hospitalisation");
		assertThat(line(text, "Route")).isEqualTo("Intramuscular injection");
		assertThat(line(text, "Profession")).isEqualTo(RegulatorPdf.NOT_HELD);
		assertThat(line(text, "Name")).isEqualTo("Lucía Fernández");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = ?")
			.params(this.clinic.world.clinicId(), "REGULATOR_REPORT_PREPARED")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theFlagPageOffersBothDraftsToClinicians() throws Exception {
		this.mvc.perform(get("/clinician/flags/" + this.clinic.flagId).with(user(this.clinic.world.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"prepare-medwatch\"")))
			.andExpect(content()
				.string(containsString("/clinician/flags/" + this.clinic.flagId + "/regulator-report/yellow-card")))
			.andExpect(content().string(containsString("Prepare a MedWatch 3500 draft")));
		this.mvc.perform(get("/me").with(user(this.clinic.world.patient())))
			.andExpect(content().string(not(containsString("regulator-report"))));
	}

	@Test
	void onlyTheClinicsCliniciansMayPrepareOne() throws Exception {
		assertThat(prepare("medwatch-3500", this.clinic.world.patient()).getStatus()).isEqualTo(403);
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), this.clinic.world.clinicId(), null,
				"admin@test.aftercare", "Admin", Role.ADMIN, "Europe/London", null, true);
		assertThat(prepare("yellow-card", admin).getStatus()).isEqualTo(403);
		FhirClinic other = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		assertThat(prepare("medwatch-3500", other.world.clinician()).getStatus()).isEqualTo(404);
		assertThat(prepare("a-form-of-our-own", this.reporter).getStatus()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE clinic_id IN (?, ?) AND action = ?")
			.params(this.clinic.world.clinicId(), other.world.clinicId(), "REGULATOR_REPORT_PREPARED")
			.query(Integer.class)
			.single()).isZero();
	}

	private MockHttpServletResponse prepare(String form, CurrentUser who) throws Exception {
		return this.mvc
			.perform(get("/clinician/flags/" + this.clinic.flagId + "/regulator-report/" + form).with(user(who)))
			.andReturn()
			.getResponse();
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf).replace("\r\n", "\n");
		}
	}

	/** The line after a label: the field's value, or its "not held" box. */
	private static String line(String text, String label) {
		List<String> lines = text.lines().toList();
		int at = lines.indexOf(label);
		assertThat(at).as("label %s", label).isNotNegative();
		return lines.get(at + 1).strip();
	}

}
