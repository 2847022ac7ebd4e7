package org.aftercare.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of resource the API answers with, fetched through the API from a clinic's
 * data, is valid FHIR R4: zero errors from HAPI's instance validator (HL7's validator)
 * against the R4 base definitions, with HL7's code systems and value sets, ours as the
 * API serves them, and the report Questionnaire that each QuestionnaireResponse is
 * checked against. Warnings are logged.
 */
@AftercareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

	/**
	 * One validator for every test of the class: loading the R4 definitions and making
	 * snapshots takes seconds, and it caches what it has looked up.
	 */
	private FhirValidator validator;

	private List<CodeSystem> ours;

	private Questionnaire questionnaire;

	@BeforeAll
	void instanceValidatorWithOurDefinitions() throws Exception {
		Bundle codeSystems = FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/CodeSystem"), Bundle.class);
		this.ours = codeSystems.getEntry().stream().map((e) -> (CodeSystem) e.getResource()).toList();
		this.questionnaire = FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/Questionnaire/symptom-report"),
				Questionnaire.class);
		FhirContext context = Fhir.context();
		PrePopulatedValidationSupport served = new ServedDefinitions(context, this.questionnaire);
		this.ours.forEach(served::addCodeSystem);
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
				new CommonCodeSystemsTerminologyService(context),
				new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context), served);
		this.validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
	}

	@Test
	void everyResourceTheApiProducesHasNoValidationErrors() throws Exception {
		FhirClinic clinic = FhirClinic.create(this.fixtures, this.reports, this.clients, this.jdbc, this.mvc);
		assertThat(this.ours).extracting((c) -> c.getIdElement().getIdPart())
			.containsExactlyInAnyOrder("symptom", "product", "area", "indication", "procedure", "other-cause",
					"medicines-helped");

		List<IBaseResource> produced = new ArrayList<>();
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/metadata"), CapabilityStatement.class));
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/CodeSystem"), Bundle.class));
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/CodeSystem/symptom"), CodeSystem.class));
		produced.add(this.questionnaire);
		for (String type : List.of("Patient", "Practitioner", "Procedure", "AdverseEvent", "QuestionnaireResponse")) {
			Bundle bundle = clinic.search("/fhir/" + type + "?_count=1");
			assertThat(bundle.getEntry()).as(type).isNotEmpty();
			produced.add(bundle);
			Resource first = bundle.getEntryFirstRep().getResource();
			produced.add(clinic.read("/fhir/" + type + "/" + first.getIdElement().getIdPart(), first.getClass()));
		}
		Patient patient = (Patient) clinic.search("/fhir/Patient").getEntryFirstRep().getResource();
		assertThat(patient.getCommunication()).as("the patient's language, validated with the rest").hasSize(1);
		Procedure procedure = (Procedure) clinic.search("/fhir/Procedure").getEntryFirstRep().getResource();
		assertThat(procedure.getContained()).as("the product as a contained Medication").hasSize(1);
		List<AdverseEvent> events = clinic.search("/fhir/AdverseEvent")
			.getEntry()
			.stream()
			.map((e) -> (AdverseEvent) e.getResource())
			.toList();
		assertThat(events).as("a resolved flag, with outcome and causality").anyMatch(AdverseEvent::hasOutcome);
		assertThat(events).as("an open flag, without them").anyMatch((e) -> !e.hasOutcome());
		produced.addAll(events);
		produced.add(FhirClinic.parse(clinic.get("/fhir/Patient?_count=none"), OperationOutcome.class));
		produced.add(FhirClinic.parse(clinic.get("/fhir/Patient/" + UUID.randomUUID()), OperationOutcome.class));
		produced.add(FhirClinic.parse(FhirClinic.anonymous(this.mvc, "/fhir/Patient"), OperationOutcome.class));

		for (IBaseResource resource : produced) {
			List<SingleValidationMessage> messages = validate(resource);
			String name = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			messages.stream()
				.filter((m) -> !isError(m))
				.forEach((m) -> log.info("{}: {} at {}: {}", name, m.getSeverity(), m.getLocationString(),
						m.getMessage()));
			List<SingleValidationMessage> errors = messages.stream().filter(FhirValidationTests::isError).toList();
			assertThat(errors).as(name + "\n" + describe(errors)).isEmpty();
		}
	}

	@Test
	void theValidatorFindsWhatIsWrong() {
		AdverseEvent broken = new AdverseEvent();
		broken.setId("broken");
		broken.getSeverity()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/adverse-event-severity")
			.setCode("catastrophic");
		broken.getEvent().addCoding().setSystem(system("symptom")).setCode("HICCUPS");
		String all = describe(validate(broken).stream().filter(FhirValidationTests::isError).toList());
		assertThat(all).as("actuality and subject are required").contains("actuality").contains("subject");
		assertThat(all).as("a code outside a required binding").contains("catastrophic");
		assertThat(all).as("a code outside our code system").contains("HICCUPS");

		QuestionnaireResponse answers = new QuestionnaireResponse();
		answers.setId("broken");
		answers.setQuestionnaire(this.questionnaire.getUrl() + "|" + this.questionnaire.getVersion());
		answers.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		answers.addItem().setLinkId("went-to-emergency").addAnswer().setValue(new StringType("perhaps"));
		answers.addItem().setLinkId("no-such-question").addAnswer().setValue(new BooleanType(true));
		QuestionnaireResponse.QuestionnaireResponseItemComponent entry = answers.addItem().setLinkId("entry");
		entry.addItem().setLinkId("entry.symptom").addAnswer().setValue(new Coding(system("symptom"), "HICCUPS", null));
		String wrong = describe(validate(answers).stream().filter(FhirValidationTests::isError).toList());
		assertThat(wrong).as("text where the question asks yes or no").contains("must be of the type boolean");
		assertThat(wrong).as("a question the Questionnaire does not ask").contains("no-such-question");
		assertThat(wrong).as("a choice outside the question's options").contains("HICCUPS");
	}

	private List<SingleValidationMessage> validate(IBaseResource resource) {
		return this.validator.validateWithResult(resource).getMessages();
	}

	private String system(String id) {
		return this.ours.stream()
			.filter((c) -> c.getIdElement().getIdPart().equals(id))
			.findFirst()
			.orElseThrow()
			.getUrl();
	}

	private static boolean isError(SingleValidationMessage message) {
		return message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal();
	}

	private static String describe(List<SingleValidationMessage> messages) {
		return messages.stream()
			.map((m) -> m.getLocationString() + ": " + m.getMessage())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Our code systems, and the report Questionnaire, which HAPI's pre-populated support
	 * does not hold itself (it keeps conformance resources only): the validator asks for
	 * it by the canonical URL of each QuestionnaireResponse, with or without its version.
	 */
	private static final class ServedDefinitions extends PrePopulatedValidationSupport {

		private final Questionnaire questionnaire;

		ServedDefinitions(FhirContext context, Questionnaire questionnaire) {
			super(context);
			this.questionnaire = questionnaire;
		}

		@Override
		public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
			String canonical = this.questionnaire.getUrl();
			if (type.isInstance(this.questionnaire) && url != null
					&& (url.equals(canonical) || url.equals(canonical + "|" + this.questionnaire.getVersion()))) {
				return type.cast(this.questionnaire);
			}
			return super.fetchResource(type, url);
		}

	}

}
