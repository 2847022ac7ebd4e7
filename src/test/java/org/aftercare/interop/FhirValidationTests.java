package org.aftercare.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of resource the API answers with, fetched through the API from a clinic's
 * real data, is valid FHIR R4: zero errors from HAPI's validator with the R4 base
 * definitions (R4Validation says what it checks). Warnings are logged.
 */
@AftercareTest
class FhirValidationTests {

	private static final Logger log = LoggerFactory.getLogger(FhirValidationTests.class);

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

	@Test
	void everyResourceTheApiProducesHasNoValidationErrors() throws Exception {
		FhirClinic clinic = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		List<CodeSystem> ours = new ArrayList<>();
		Bundle codeSystems = FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/CodeSystem"), Bundle.class);
		codeSystems.getEntry().forEach((e) -> ours.add((CodeSystem) e.getResource()));
		assertThat(ours).extracting((c) -> c.getIdElement().getIdPart())
			.contains("symptom", "product", "area", "indication", "procedure", "other-cause", "medicines-helped");

		List<IBaseResource> produced = new ArrayList<>();
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/metadata"), CapabilityStatement.class));
		produced.add(codeSystems);
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/Questionnaire/symptom-report"),
				Questionnaire.class));
		for (String type : List.of("Patient", "Practitioner", "Procedure", "AdverseEvent", "QuestionnaireResponse")) {
			Bundle bundle = clinic.search("/fhir/" + type + "?_count=1");
			assertThat(bundle.getEntry()).as(type).isNotEmpty();
			produced.add(bundle);
			Resource first = bundle.getEntryFirstRep().getResource();
			produced.add(clinic.read("/fhir/" + type + "/" + first.getIdElement().getIdPart(), first.getClass()));
		}
		for (Bundle.BundleEntryComponent entry : clinic.search("/fhir/AdverseEvent").getEntry()) {
			produced.add(entry.getResource());
		}
		MockHttpServletResponse refused = clinic.get("/fhir/Patient?_count=none");
		produced.add(FhirClinic.parse(refused, org.hl7.fhir.r4.model.OperationOutcome.class));
		MockHttpServletResponse unauthorized = FhirClinic.anonymous(this.mvc, "/fhir/Patient");
		produced.add(FhirClinic.parse(unauthorized, org.hl7.fhir.r4.model.OperationOutcome.class));

		for (IBaseResource resource : produced) {
			ValidationResult result = R4Validation.validate(resource, ours);
			String name = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			result.getMessages()
				.stream()
				.filter((m) -> !R4Validation.errors(result).contains(m))
				.forEach((m) -> log.info("{}: {} at {}: {}", name, m.getSeverity(), m.getLocationString(),
						m.getMessage()));
			assertThat(R4Validation.errors(result)).as(name + "\n" + describe(R4Validation.errors(result))).isEmpty();
		}
	}

	@Test
	void theValidatorFindsWhatIsWrong() {
		org.hl7.fhir.r4.model.AdverseEvent broken = new org.hl7.fhir.r4.model.AdverseEvent();
		broken.setId("broken");
		broken.getSeverity()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/adverse-event-severity")
			.setCode("catastrophic");
		broken.getEvent().addCoding().setSystem("http://localhost:8080/fhir/CodeSystem/symptom").setCode("HICCUPS");
		CodeSystem symptoms = new CodeSystems("http://localhost:8080/fhir").resource(CodeSystems.SYMPTOM);
		List<SingleValidationMessage> errors = R4Validation.errors(R4Validation.validate(broken, List.of(symptoms)));
		String all = describe(errors);
		assertThat(all).as("actuality and subject are required").contains("actuality").contains("subject");
		assertThat(all).as("a code outside a required binding").contains("catastrophic");
		assertThat(all).as("a code outside our code system").contains("HICCUPS");
	}

	private static String describe(List<SingleValidationMessage> messages) {
		return messages.stream()
			.map((m) -> m.getLocationString() + ": " + m.getMessage())
			.collect(Collectors.joining("\n"));
	}

}
