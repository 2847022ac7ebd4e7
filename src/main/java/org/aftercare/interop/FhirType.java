package org.aftercare.interop;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resource types the API serves from the clinic's data, each read by id and searched;
 * {@code hasPatient}: searchable by patient.
 */
enum FhirType {

	PATIENT("Patient", false), PRACTITIONER("Practitioner", false), PROCEDURE("Procedure", true),
	ADVERSE_EVENT("AdverseEvent", true), QUESTIONNAIRE_RESPONSE("QuestionnaireResponse", true);

	private final String resourceName;

	private final boolean hasPatient;

	FhirType(String resourceName, boolean hasPatient) {
		this.resourceName = resourceName;
		this.hasPatient = hasPatient;
	}

	String resourceName() {
		return this.resourceName;
	}

	boolean hasPatient() {
		return this.hasPatient;
	}

	static Optional<FhirType> of(String resourceName) {
		return Arrays.stream(values()).filter((t) -> t.resourceName.equals(resourceName)).findFirst();
	}

}
