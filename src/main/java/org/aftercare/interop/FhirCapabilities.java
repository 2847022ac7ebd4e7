package org.aftercare.interop;

import java.time.Instant;
import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import org.springframework.stereotype.Component;

/** What the API can do, as its CapabilityStatement ({@code GET /fhir/metadata}). */
@Component
class FhirCapabilities {

	/** When this version of the API was defined: the statement's date. */
	private static final Instant DEFINED = Instant.parse("2026-12-07T00:00:00Z");

	private final FhirApi api;

	FhirCapabilities(FhirApi api) {
		this.api = api;
	}

	CapabilityStatement statement() {
		CapabilityStatement statement = new CapabilityStatement();
		statement.setId("aftercare");
		statement.setUrl(this.api.fhirBase() + "/metadata");
		statement.setName("AftercareFhirApi");
		statement.setTitle("Aftercare FHIR API");
		statement.setStatus(PublicationStatus.ACTIVE);
		statement.setDate(Date.from(DEFINED));
		statement.setPublisher("Aftercare");
		statement.setDescription("Read-only access for a clinic's API clients to its patients, clinicians, "
				+ "treatments, symptom reports and flags (adverse events). Bearer tokens from the clinic's admin.");
		statement.setKind(CapabilityStatementKind.INSTANCE);
		statement.getImplementation().setDescription("Aftercare").setUrl(this.api.fhirBase());
		statement.setFhirVersion(FHIRVersion._4_0_1);
		statement.addFormat("application/fhir+json");
		statement.addFormat("application/fhir+xml");
		CapabilityStatementRestComponent rest = statement.addRest();
		rest.setMode(RestfulCapabilityMode.SERVER);
		rest.getSecurity()
			.setCors(false)
			.setDescription("Send the API client's token in the header 'Authorization: Bearer {token}'. "
					+ "Without a valid token: 401. The metadata, code systems and questionnaire need none.");
		for (FhirType type : FhirType.values()) {
			CapabilityStatementRestResourceComponent resource = rest.addResource();
			resource.setType(type.resourceName());
			resource.addInteraction().setCode(TypeRestfulInteraction.READ);
			resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
			resource.addSearchParam()
				.setName("_lastUpdated")
				.setType(SearchParamType.DATE)
				.setDocumentation("When the record last changed (docs/api.md); prefixes eq, gt, ge, lt, le");
			resource.addSearchParam()
				.setName("_count")
				.setType(SearchParamType.NUMBER)
				.setDocumentation("Page size, default 50, at most 200");
			if (type.hasPatient()) {
				resource.addSearchParam()
					.setName("patient")
					.setType(SearchParamType.REFERENCE)
					.setDocumentation("Patient/{id} or {id}; 'subject' is the same");
			}
		}
		CapabilityStatementRestResourceComponent codeSystem = rest.addResource();
		codeSystem.setType("CodeSystem");
		codeSystem.addInteraction().setCode(TypeRestfulInteraction.READ);
		codeSystem.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
		CapabilityStatementRestResourceComponent questionnaire = rest.addResource();
		questionnaire.setType("Questionnaire");
		questionnaire.addInteraction().setCode(TypeRestfulInteraction.READ);
		return statement;
	}

}
