package org.aftercare.interop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

import org.aftercare.report.Confounder;
import org.aftercare.report.MedicinesHelped;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.Product;

/**
 * The code systems of Aftercare's own terms (CLINICAL.md's symptom catalogue, products,
 * treated areas ...), published by the API itself at
 * {@code {aftercare.base-url}/fhir/CodeSystem/{id}}, which is each one's canonical URL:
 * SNOMED CT and MedDRA, which have most of these terms, are not licensed here. Their
 * displays are part of the published code system, so they are fixed here rather than
 * taken from the user interface's wording.
 */
final class CodeSystems {

	/** One of our code systems: its id, title and concepts (code, display). */
	record Definition(String id, String title, String description, Map<String, String> concepts) {
	}

	static final Definition SYMPTOM = new Definition("symptom", "Aftercare symptoms",
			"Symptoms a patient reports after botulinum toxin treatment (Aftercare CLINICAL.md section 2).",
			concepts(Symptom.values(), Symptom::name, (s) -> capitalised(s.label())));

	static final Definition PRODUCT = new Definition("product", "Aftercare botulinum toxin products",
			"Botulinum toxin products by generic name (brand in brackets).",
			concepts(Product.values(), Product::name, CodeSystems::product));

	static final Definition AREA = new Definition("area", "Aftercare treated areas",
			"Areas treated with botulinum toxin.", concepts(Area.values(), Area::name, CodeSystems::area));

	static final Definition INDICATION = new Definition("indication", "Aftercare treatment indications",
			"Why a treatment was given.", concepts(Indication.values(), Indication::name,
					(i) -> (i == Indication.COSMETIC) ? "Cosmetic" : "Medical"));

	static final Definition PROCEDURE = new Definition("procedure", "Aftercare procedures",
			"Procedures recorded by Aftercare.", Map.of(Procedures.TOXIN_INJECTION, "Botulinum toxin injection"));

	static final Definition OTHER_CAUSE = new Definition("other-cause", "Aftercare other possible causes",
			"Other possible causes of a symptom that the patient ticks on a report (CLINICAL.md section 2).",
			concepts(Confounder.values(), Confounder::name, (c) -> capitalised(c.label())));

	static final Definition MEDICINES_HELPED = new Definition("medicines-helped", "Aftercare medicines helped",
			"Whether the medicines a patient took for a symptom helped.",
			concepts(MedicinesHelped.values(), MedicinesHelped::name, (m) -> switch (m) {
				case YES -> "Yes";
				case PARTLY -> "Partly";
				case NO -> "No";
			}));

	static final List<Definition> ALL = List.of(SYMPTOM, PRODUCT, AREA, INDICATION, PROCEDURE, OTHER_CAUSE,
			MEDICINES_HELPED);

	/** Where a code system or questionnaire of ours is published. */
	private final String fhirBase;

	CodeSystems(String fhirBase) {
		this.fhirBase = fhirBase;
	}

	String url(Definition system) {
		return this.fhirBase + "/CodeSystem/" + system.id();
	}

	Coding coding(Definition system, String code) {
		return new Coding(url(system), code, system.concepts().get(code));
	}

	Optional<Definition> byId(String id) {
		return ALL.stream().filter((d) -> d.id().equals(id)).findFirst();
	}

	CodeSystem resource(Definition system) {
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setId(system.id());
		codeSystem.setUrl(url(system));
		codeSystem.setVersion("1");
		codeSystem.setName(system.title().replaceAll("[^A-Za-z]", ""));
		codeSystem.setTitle(system.title());
		codeSystem.setStatus(PublicationStatus.ACTIVE);
		codeSystem.setExperimental(false);
		codeSystem.setPublisher("Aftercare");
		codeSystem.setDescription(system.description());
		codeSystem.setCaseSensitive(true);
		codeSystem.setContent(CodeSystemContentMode.COMPLETE);
		codeSystem.setCount(system.concepts().size());
		system.concepts().forEach((code, display) -> codeSystem.addConcept().setCode(code).setDisplay(display));
		return codeSystem;
	}

	private static <E> Map<String, String> concepts(E[] values, Function<E, String> code, Function<E, String> display) {
		Map<String, String> concepts = new LinkedHashMap<>();
		Arrays.stream(values).forEach((v) -> concepts.put(code.apply(v), display.apply(v)));
		return concepts;
	}

	private static String capitalised(String label) {
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	private static String product(Product product) {
		return switch (product) {
			case ONABOTULINUMTOXINA -> "onabotulinumtoxinA (Botox)";
			case ABOBOTULINUMTOXINA -> "abobotulinumtoxinA (Dysport)";
			case INCOBOTULINUMTOXINA -> "incobotulinumtoxinA (Xeomin)";
			case PRABOTULINUMTOXINA -> "prabotulinumtoxinA (Jeuveau)";
			case DAXIBOTULINUMTOXINA -> "daxibotulinumtoxinA (Daxxify)";
			case LETIBOTULINUMTOXINA -> "letibotulinumtoxinA (Letybo)";
			case OTHER -> "Other botulinum toxin product";
		};
	}

	static String area(Area area) {
		return switch (area) {
			case GLABELLAR_LINES -> "Glabellar lines (frown lines)";
			case FOREHEAD -> "Forehead lines";
			case CROWS_FEET -> "Crow's feet (lateral canthal lines)";
			case BUNNY_LINES -> "Bunny lines (nose)";
			case MASSETER -> "Masseter (jaw)";
			case PLATYSMA -> "Platysma (neck)";
			case CHIN -> "Chin";
			case LIP -> "Lip";
			case OTHER -> "Other area";
		};
	}

	/** The procedure code of a treatment. */
	static final class Procedures {

		static final String TOXIN_INJECTION = "BOTULINUM_TOXIN_INJECTION";

		private Procedures() {
		}

	}

}
