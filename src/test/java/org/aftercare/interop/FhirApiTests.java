package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.MutableClock;
import org.aftercare.TestFixtures;
import org.aftercare.account.AccountId;
import org.aftercare.account.AccountService;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The FHIR API as a clinic's data warehouse uses it: who may read, what it reads, how it
 * pages, and what the audit trail says of it.
 */
@AftercareTest
class FhirApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	PatientService patients;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiClients clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private FhirClinic a;

	@BeforeEach
	void clinic() throws Exception {
		this.a = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void readsAPatientAsFhirJsonWithNameAndBirthDateOnlyAndAuditsTheRead() throws Exception {
		UUID patientId = this.a.world.patient().patientId();
		MockHttpServletResponse response = this.a.get("/fhir/Patient/" + patientId);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/fhir+json");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		Patient patient = FhirClinic.parse(response, Patient.class);
		assertThat(patient.getIdElement().getIdPart()).isEqualTo(patientId.toString());
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Ient");
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1980-01-01");
		assertThat(patient.hasTelecom()).as("no e-mail or phone").isFalse();
		assertThat(patient.hasGender()).as("not held").isFalse();
		assertThat(response.getContentAsString()).doesNotContain(this.a.world.patientEmail());
		assertThat(audit("FHIR_READ")).containsExactly(List.of(this.a.clientId.toString(), "API_CLIENT",
				patientId.toString(), "Patient", patientId.toString()));
	}

	@Test
	void aPatientsLanguageIsTheirPreferredCommunicationAndFollowsTheirSwitch() throws Exception {
		String path = "/fhir/Patient/" + this.a.world.patient().patientId();
		Patient english = FhirClinic.parse(this.a.get(path), Patient.class);
		assertThat(english.getCommunication()).hasSize(1);
		assertThat(english.getCommunicationFirstRep().getPreferred()).isTrue();
		assertThat(english.getCommunicationFirstRep().getLanguage().getCodingFirstRep())
			.extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
			.containsExactly("urn:ietf:bcp:47", "en", "English");

		this.accounts.changeLanguage(this.a.world.clinic(), new AccountId(this.a.world.patient().accountId()),
				Locale.forLanguageTag("es"));
		Patient spanish = FhirClinic.parse(this.a.get(path), Patient.class);
		assertThat(spanish.getCommunicationFirstRep().getLanguage().getCodingFirstRep())
			.extracting(Coding::getCode, Coding::getDisplay)
			.containsExactly("es", "Spanish");
		Bundle search = this.a.search("/fhir/Patient");
		assertThat(((Patient) search.getEntryFirstRep().getResource()).getCommunicationFirstRep()
			.getLanguage()
			.getCodingFirstRep()
			.getCode()).isEqualTo("es");
	}

	@Test
	void aRequestWithoutATokenIsRefusedWithABearerChallengeAndAnOperationOutcome() throws Exception {
		MockHttpServletResponse response = FhirClinic.anonymous(this.mvc,
				"/fhir/Patient/" + this.a.world.patient().patientId());
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		OperationOutcome outcome = FhirClinic.parse(response, OperationOutcome.class);
		assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(response.getContentAsString()).doesNotContain("Ient");
	}

	@Test
	void anUnknownTokenOrAnotherSchemeIsRefused() throws Exception {
		for (String authorization : List.of("Bearer not-a-token", "Bearer " + this.a.token + "x",
				"Basic " + this.a.token)) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, authorization))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(authorization).isEqualTo(401);
			assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
			assertThat(response.getContentAsString()).doesNotContain("Ient");
		}
	}

	@Test
	void aRevokedTokenIsRefusedFromTheNextRequestOn() throws Exception {
		assertThat(this.a.get("/fhir/Patient").getStatus()).isEqualTo(200);
		this.clients.revoke(this.a.world.clinic(), this.a.clientId, this.a.world.clinician().accountId());
		MockHttpServletResponse response = this.a.get("/fhir/Patient");
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).doesNotContain("Ient");
	}

	@Test
	void aStaffSessionCookieAloneOpensNothing() throws Exception {
		Cookie session = this.mvc
			.perform(formLogin("/login").userParameter("email")
				.user(this.a.world.clinicianEmail())
				.password(TestFixtures.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get("/clinician/flags").cookie(session)).andExpect(status().isOk());
		MockHttpServletResponse response = this.mvc
			.perform(get("/fhir/Patient/" + this.a.world.patient().patientId()).cookie(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(this.mvc.perform(get("/fhir/Patient").with(user(this.a.world.clinician())))
			.andReturn()
			.getResponse()
			.getStatus()).as("a signed-in clinician without a token").isIn(401, 403);
	}

	@Test
	void anotherClinicsResourcesDoNotExistForTheToken() throws Exception {
		FhirClinic b = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		List<String> paths = List.of("/fhir/Patient/" + b.world.patient().patientId(),
				"/fhir/Practitioner/" + b.world.clinician().accountId(), "/fhir/Procedure/" + b.world.treatmentId(),
				"/fhir/AdverseEvent/" + b.flagId, "/fhir/QuestionnaireResponse/" + b.reportId,
				"/fhir/Patient/" + UUID.randomUUID(), "/fhir/Patient/not-an-id");
		for (String path : paths) {
			MockHttpServletResponse response = this.a.get(path);
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			OperationOutcome outcome = FhirClinic.parse(response, OperationOutcome.class);
			assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
			assertThat(response.getContentAsString()).doesNotContain("Ient");
		}
		assertThat(b.get("/fhir/Patient/" + b.world.patient().patientId()).getStatus()).isEqualTo(200);
	}

	@Test
	void searchesWithOneClinicsTokenReturnOnlyThatClinicsData() throws Exception {
		FhirClinic b = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		for (String type : List.of("Patient", "Practitioner", "Procedure", "AdverseEvent", "QuestionnaireResponse")) {
			Bundle bundle = this.a.search("/fhir/" + type + "?_count=200");
			assertThat(bundle.getEntry()).as(type).isNotEmpty();
			String answer = Fhir.json().encodeResourceToString(bundle);
			assertThat(answer).as(type)
				.doesNotContain(b.world.patient().patientId().toString())
				.doesNotContain(b.world.treatmentId().toString())
				.doesNotContain(b.flagId.toString());
		}
		Bundle byB = this.a.search("/fhir/AdverseEvent?patient=Patient/" + b.world.patient().patientId());
		assertThat(byB.getEntry()).isEmpty();
	}

	@Test
	void badSearchParametersAreA400OperationOutcome() throws Exception {
		for (String query : List.of("/fhir/Patient?name=Ient", "/fhir/Patient?_lastUpdated=yesterday",
				"/fhir/Patient?_lastUpdated=ge2026-13-01", "/fhir/Patient?_lastUpdated=ne2026-01-01",
				"/fhir/Patient?_count=lots", "/fhir/Patient?_count=0", "/fhir/Procedure?patient=Patient/42",
				"/fhir/Patient?_cursor=bm9wZQ", "/fhir/Patient?patient=" + this.a.world.patient().patientId())) {
			MockHttpServletResponse response = this.a.get(query);
			assertThat(response.getStatus()).as(query).isEqualTo(400);
			OperationOutcome outcome = FhirClinic.parse(response, OperationOutcome.class);
			assertThat(outcome.getIssueFirstRep().getCode()).as(query).isEqualTo(OperationOutcome.IssueType.INVALID);
			assertThat(outcome.getIssueFirstRep().getDiagnostics()).as(query).isNotBlank();
		}
	}

	@Test
	void pagesFollowNextLinksWithoutRepeatsOrGaps() throws Exception {
		List<UUID> enrolled = new ArrayList<>(List.of(this.a.world.patient().patientId()));
		for (int i = 0; i < 4; i++) {
			enrolled
				.add(this.patients
					.enrol(this.a.world.clinic(),
							new Intake("Page" + i, "Patient", java.time.LocalDate.of(1990, 1, 1),
									"page" + i + "-" + UUID.randomUUID() + "@test.aftercare", null, false, false, null,
									false, false, false, false, false, false, false, false, false, null, null))
					.value());
		}
		List<String> seen = new ArrayList<>();
		String next = "/fhir/Patient?_count=2";
		int pages = 0;
		while (next != null) {
			Bundle page = this.a.search(next);
			pages++;
			assertThat(page.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
			assertThat(page.getEntry()).hasSizeLessThanOrEqualTo(2);
			page.getEntry().forEach((e) -> seen.add(e.getResource().getIdElement().getIdPart()));
			next = (page.getLink("next") != null) ? page.getLink("next").getUrl().replaceFirst("^https?://[^/]+", "")
					: null;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(enrolled.stream().map(UUID::toString).toList());
	}

	@Test
	void lastUpdatedSelectsByWhenTheRecordChanged() throws Exception {
		assertThat(this.a.search("/fhir/Patient?_lastUpdated=ge2000-01-01").getEntry()).hasSize(1);
		assertThat(this.a.search("/fhir/Patient?_lastUpdated=gt" + Instant.now().plus(Duration.ofDays(1))).getEntry())
			.isEmpty();
		assertThat(this.a.search("/fhir/Patient?_lastUpdated=lt2000-01-01").getEntry()).isEmpty();
		assertThat(this.a.search("/fhir/AdverseEvent?_lastUpdated=ge2000-01&_lastUpdated=le2999").getEntry())
			.isNotEmpty();
	}

	@Test
	void aTreatmentIsAProcedureWithProductLotAreasUnitsAndInjector() throws Exception {
		Procedure procedure = this.a.read("/fhir/Procedure/" + this.a.world.treatmentId(), Procedure.class);
		assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
		assertThat(procedure.getCode().getCodingFirstRep().getSystem())
			.isEqualTo("http://localhost:8080/fhir/CodeSystem/procedure");
		assertThat(procedure.getSubject().getReference()).isEqualTo("Patient/" + this.a.world.patient().patientId());
		assertThat(procedure.getPerformerFirstRep().getActor().getReference())
			.isEqualTo("Practitioner/" + this.a.world.clinician().accountId());
		Medication product = (Medication) procedure.getContained().get(0);
		assertThat(product.getCode().getCodingFirstRep().getCode()).isEqualTo("ONABOTULINUMTOXINA");
		assertThat(product.getBatch().getLotNumber()).startsWith("LOT");
		assertThat(procedure.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("GLABELLAR_LINES");
		assertThat(procedure.getNoteFirstRep().getText())
			.isEqualTo("Glabellar lines (frown lines): 20 units. Total 20 units.");
		Practitioner injector = this.a.read("/fhir/Practitioner/" + this.a.world.clinician().accountId(),
				Practitioner.class);
		assertThat(injector.getNameFirstRep().getText()).startsWith("Dr Test");
		assertThat(Fhir.json().encodeResourceToString(injector)).doesNotContain("@");
	}

	@Test
	void aResolvedFlagIsAnAdverseEventWithOutcomeCausalityAndSeriousness() throws Exception {
		AdverseEvent event = this.a.read("/fhir/AdverseEvent/" + this.a.flagId, AdverseEvent.class);
		assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
		assertThat(event.getEvent().getCodingFirstRep().getCode()).isEqualTo("TROUBLE_SWALLOWING");
		assertThat(event.getEvent().getCodingFirstRep().getDisplay()).isEqualTo("Trouble swallowing");
		assertThat(event.getSubject().getReference()).isEqualTo("Patient/" + this.a.world.patient().patientId());
		assertThat(event.getSeverity().getCodingFirstRep().getCode()).isEqualTo("severe");
		assertThat(event.getOutcome().getCodingFirstRep().getCode()).isEqualTo("resolvedWithSequelae");
		assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("SeriousResultsInHospitalization");
		AdverseEvent.AdverseEventSuspectEntityComponent suspect = event.getSuspectEntityFirstRep();
		assertThat(suspect.getInstance().getReference()).isEqualTo("Procedure/" + this.a.world.treatmentId());
		assertThat(suspect.getCausalityFirstRep().getAssessment().getCodingFirstRep().getCode())
			.isEqualTo("Probably-Likely");
		assertThat(event.getDate()).isBefore(event.getRecordedDate());
		Bundle byPatient = this.a
			.search("/fhir/AdverseEvent?patient=Patient/" + this.a.world.patient().patientId() + "&_count=1");
		assertThat(byPatient.getEntry()).hasSize(1);
		assertThat(byPatient.getLink("next")).isNotNull();
	}

	@Test
	void aReportIsAQuestionnaireResponseOfThePublishedQuestionnaire() throws Exception {
		QuestionnaireResponse response = this.a.read("/fhir/QuestionnaireResponse/" + this.a.reportId,
				QuestionnaireResponse.class);
		assertThat(response.getQuestionnaire()).isEqualTo("http://localhost:8080/fhir/Questionnaire/symptom-report|1");
		assertThat(response.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
			.containsExactly("entry", "entry", "other-causes", "medicines", "medicines-helped", "went-to-emergency",
					"admitted-to-hospital", "notes");
		QuestionnaireResponse.QuestionnaireResponseItemComponent first = response.getItemFirstRep();
		assertThat(first.getItemFirstRep().getAnswerFirstRep().getValueCoding().getCode())
			.isEqualTo("TROUBLE_SWALLOWING");
		assertThat(first.getItem()).anySatisfy((item) -> {
			assertThat(item.getLinkId()).isEqualTo("entry.severity");
			assertThat(item.getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(8);
		});
		assertThat(Fhir.json().encodeResourceToString(response)).contains("Lucía says it is hard to swallow water");
		MockHttpServletResponse questionnaire = FhirClinic.anonymous(this.mvc, "/fhir/Questionnaire/symptom-report");
		assertThat(questionnaire.getStatus()).isEqualTo(200);
		assertThat(FhirClinic.parse(questionnaire, Questionnaire.class).getUrl())
			.isEqualTo("http://localhost:8080/fhir/Questionnaire/symptom-report");
	}

	@Test
	void metadataAndCodeSystemsNeedNoTokenAndHoldNoPatientData() throws Exception {
		MockHttpServletResponse metadata = FhirClinic.anonymous(this.mvc, "/fhir/metadata");
		assertThat(metadata.getStatus()).isEqualTo(200);
		CapabilityStatement statement = FhirClinic.parse(metadata, CapabilityStatement.class);
		assertThat(statement.getRestFirstRep().getResource()).extracting((r) -> r.getType())
			.contains("Patient", "Practitioner", "Procedure", "AdverseEvent", "QuestionnaireResponse");
		MockHttpServletResponse symptoms = FhirClinic.anonymous(this.mvc, "/fhir/CodeSystem/symptom");
		CodeSystem system = FhirClinic.parse(symptoms, CodeSystem.class);
		assertThat(system.getUrl()).isEqualTo("http://localhost:8080/fhir/CodeSystem/symptom");
		assertThat(system.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
			.contains("HEADACHE", "TROUBLE_SWALLOWING");
		MockHttpServletResponse xml = this.mvc
			.perform(get("/fhir/metadata").header(HttpHeaders.ACCEPT, "application/fhir+xml"))
			.andReturn()
			.getResponse();
		assertThat(xml.getContentType()).startsWith("application/fhir+xml");
		assertThat(xml.getContentAsString()).contains("<CapabilityStatement");
	}

	@Test
	void theApiReadsOnly() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/fhir/Patient").header(HttpHeaders.AUTHORIZATION, "Bearer " + this.a.token)
				.contentType("application/fhir+json")
				.content("{\"resourceType\":\"Patient\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(FhirClinic.parse(response, OperationOutcome.class).getIssueFirstRep().getCode())
			.isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
		this.mvc.perform(post("/fhir/Patient").with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void aSearchAuditsEachPatientWhoseDataItReturned() throws Exception {
		this.a.search("/fhir/QuestionnaireResponse");
		assertThat(audit("FHIR_SEARCH")).containsExactly(List.of(this.a.clientId.toString(), "API_CLIENT",
				this.a.world.patient().patientId().toString(), "QuestionnaireResponse", "null"));
		this.a.search("/fhir/Practitioner");
		assertThat(audit("FHIR_SEARCH")).hasSize(2).last().satisfies((row) -> assertThat(row.get(2)).isEqualTo("null"));
	}

	@Test
	void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
		assertThat(lastUsed()).isNull();
		this.a.get("/fhir/Patient");
		Instant first = lastUsed();
		assertThat(first).isNotNull();
		this.clock.advance(Duration.ofSeconds(30));
		this.a.get("/fhir/Patient");
		assertThat(lastUsed()).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(31));
		this.a.get("/fhir/Patient");
		assertThat(lastUsed()).isAfter(first);
	}

	private Instant lastUsed() {
		return this.jdbc.sql("SELECT last_used_at FROM api_client WHERE id = ?")
			.param(this.a.clientId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private List<List<String>> audit(String action) {
		return this.jdbc.sql("""
				SELECT actor_id, actor_role, patient_id, object_type, object_id FROM audit_event
				 WHERE clinic_id = ? AND action = ? ORDER BY seq
				""")
			.params(this.a.world.clinicId(), action)
			.query((rs, n) -> List.of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)),
					String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)), String.valueOf(rs.getString(5))))
			.list();
	}

}
