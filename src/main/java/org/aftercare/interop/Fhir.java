package org.aftercare.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The one FHIR R4 context of the application, made on first use: it reflects over the
 * whole R4 model, which takes about a second and some megabytes of heap (docs/api.md), so
 * an instance that serves no API request never pays for it.
 */
final class Fhir {

	/** The media type of FHIR's JSON. */
	static final String JSON = "application/fhir+json";

	/** The media type of FHIR's XML. */
	static final String XML = "application/fhir+xml";

	private Fhir() {
	}

	static FhirContext context() {
		return Holder.CONTEXT;
	}

	static IParser json() {
		return context().newJsonParser();
	}

	static IParser xml() {
		return context().newXmlParser();
	}

	private static final class Holder {

		static final FhirContext CONTEXT = FhirContext.forR4();

	}

}
