package org.aftercare.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Validation of the API's resources against the FHIR R4 base definitions, shared by every
 * test (its start takes seconds). HAPI's instance validator (hapi-fhir-validation) is not
 * served by Maven Central here, so HAPI's {@link FhirValidator} runs two modules:
 * <ul>
 * <li>HAPI's own XML Schema validation against the R4 schema (structure, order, data
 * types, cardinalities the schema knows);</li>
 * <li>{@link BaseDefinitions}: the R4 StructureDefinitions from HAPI's
 * {@link DefaultProfileValidationSupport}, checked element by element: cardinality, every
 * invariant of severity error (FHIRPath, HAPI's engine), required bindings against their
 * value sets, and every coding against its code system (HL7's from the base definitions,
 * ours as the API serves them).</li>
 * </ul>
 * An invariant the FHIRPath engine cannot evaluate here is a warning, never a pass in
 * silence.
 */
final class R4Validation {

	private R4Validation() {
	}

	/** Validates one resource; the messages of both modules. */
	static ValidationResult validate(IBaseResource resource, List<CodeSystem> ours) {
		Holder.OURS.clear();
		ours.forEach((system) -> Holder.OURS.put(system.getUrl(), system));
		return Holder.VALIDATOR.validateWithResult(resource);
	}

	static List<SingleValidationMessage> errors(ValidationResult result) {
		return result.getMessages()
			.stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.toList();
	}

	private static final class Holder {

		static final Map<String, CodeSystem> OURS = new java.util.concurrent.ConcurrentHashMap<>();

		static final FhirContext CONTEXT = FhirContext.forR4();

		static final DefaultProfileValidationSupport BASE = new DefaultProfileValidationSupport(CONTEXT);

		static final FhirValidator VALIDATOR = CONTEXT.newValidator()
			.setValidateAgainstStandardSchema(true)
			.setValidateAgainstStandardSchematron(false)
			.registerValidatorModule(new BaseDefinitions(CONTEXT, BASE, OURS));

	}

	/** The checks of the base StructureDefinitions, value sets and code systems. */
	static final class BaseDefinitions implements IValidatorModule {

		private static final String BASE_URL = "http://hl7.org/fhir/StructureDefinition/";

		private final FhirContext context;

		private final IValidationSupport support;

		private final Map<String, CodeSystem> ours;

		private final IFhirPath fhirPath;

		private final Map<String, Set<String>> valueSets = new HashMap<>();

		BaseDefinitions(FhirContext context, IValidationSupport support, Map<String, CodeSystem> ours) {
			this.context = context;
			this.support = support;
			this.ours = ours;
			this.fhirPath = context.newFhirPath();
		}

		@Override
		public void validateResource(IValidationContext<IBaseResource> validation) {
			List<SingleValidationMessage> messages = new ArrayList<>();
			resource((Resource) validation.getResource(), messages);
			messages.forEach(validation::addValidationMessage);
		}

		private void resource(Resource resource, List<SingleValidationMessage> messages) {
			String type = resource.fhirType();
			StructureDefinition definition = definition(type);
			if (definition == null) {
				add(messages, ResultSeverityEnum.ERROR, type, "no base definition of " + type);
				return;
			}
			element(resource, definition, type, type, messages, 0);
			codings(resource, type, messages);
			if (resource instanceof DomainResource domain) {
				domain.getContained().forEach((contained) -> resource(contained, messages));
			}
			if (resource instanceof Bundle bundle) {
				bundle.getEntry()
					.stream()
					.filter(Bundle.BundleEntryComponent::hasResource)
					.forEach((entry) -> resource(entry.getResource(), messages));
			}
		}

		/**
		 * Checks a node against the elements of a definition below {@code root}; complex
		 * data types are checked against their own definitions, a few levels deep.
		 */
		private void element(Base node, StructureDefinition definition, String root, String where,
				List<SingleValidationMessage> messages, int depth) {
			for (ElementDefinition element : definition.getSnapshot().getElement()) {
				String path = element.getPath();
				if (path.equals(root)) {
					constraints(node, element, where, messages);
					continue;
				}
				if (!path.startsWith(root + ".") || path.substring(root.length() + 1).contains(".")) {
					continue;
				}
				String relative = path.substring(root.length() + 1);
				String name = relative.replace("[x]", "");
				List<Base> children = evaluate(node, name, where, messages);
				if (children == null) {
					continue;
				}
				if (children.size() < element.getMin()) {
					add(messages, ResultSeverityEnum.ERROR, where + "." + name,
							"at least " + element.getMin() + " required, " + children.size() + " present");
				}
				if (!"*".equals(element.getMax()) && children.size() > Integer.parseInt(element.getMax())) {
					add(messages, ResultSeverityEnum.ERROR, where + "." + name,
							"at most " + element.getMax() + " allowed, " + children.size() + " present");
				}
				for (int i = 0; i < children.size(); i++) {
					Base child = children.get(i);
					String at = where + "." + name + ((children.size() > 1) ? "[" + i + "]" : "");
					constraints(child, element, at, messages);
					binding(child, element, at, messages);
					if (child instanceof Resource) {
						continue;
					}
					if (element.getType().size() == 1 && !child.isPrimitive() && depth < 4) {
						String code = element.getType().get(0).getCode();
						if (code.equals("BackboneElement") || code.equals("Element")) {
							element(child, definition, path, at, messages, depth);
						}
						else if (Character.isUpperCase(code.charAt(0)) && definition(code) != null) {
							element(child, definition(code), code, at, messages, depth + 1);
						}
					}
				}
			}
		}

		private void constraints(Base node, ElementDefinition element, String where,
				List<SingleValidationMessage> messages) {
			for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
				if (constraint.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR
						|| !constraint.hasExpression()) {
					continue;
				}
				try {
					List<BooleanType> result = this.fhirPath.evaluate(node, constraint.getExpression(),
							BooleanType.class);
					if (!result.isEmpty() && !result.get(0).booleanValue()) {
						add(messages, ResultSeverityEnum.ERROR, where,
								constraint.getKey() + ": " + constraint.getHuman());
					}
				}
				catch (RuntimeException ex) {
					add(messages, ResultSeverityEnum.WARNING, where,
							constraint.getKey() + " not evaluated here: " + ex.getMessage());
				}
			}
		}

		private void binding(Base node, ElementDefinition element, String where,
				List<SingleValidationMessage> messages) {
			if (!element.hasBinding() || element.getBinding().getStrength() != BindingStrength.REQUIRED
					|| !element.getBinding().hasValueSet()) {
				return;
			}
			Set<String> allowed = valueSet(element.getBinding().getValueSet());
			if (allowed == null) {
				add(messages, ResultSeverityEnum.WARNING, where,
						"value set not expandable here: " + element.getBinding().getValueSet());
				return;
			}
			List<String> codes = new ArrayList<>();
			if (node instanceof Coding coding) {
				codes.add(coding.getSystem() + "|" + coding.getCode());
			}
			else if (node instanceof CodeableConcept concept) {
				concept.getCoding().forEach((c) -> codes.add(c.getSystem() + "|" + c.getCode()));
			}
			else if (node instanceof PrimitiveType<?> primitive && node.fhirType().equals("code")) {
				codes.add("|" + primitive.getValueAsString());
			}
			else {
				return;
			}
			boolean any = codes.stream()
				.anyMatch((code) -> allowed.contains(code)
						|| (code.startsWith("|") && allowed.stream().anyMatch((a) -> a.endsWith(code))));
			if (!any) {
				add(messages, ResultSeverityEnum.ERROR, where,
						codes + " not in the required value set " + element.getBinding().getValueSet());
			}
		}

		/**
		 * The codes of a value set as system|code, or null when it cannot be expanded
		 * here.
		 */
		private Set<String> valueSet(String canonical) {
			String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
			if (this.valueSets.containsKey(url)) {
				return this.valueSets.get(url);
			}
			ValueSet valueSet = (ValueSet) this.support.fetchValueSet(url);
			Set<String> codes = (valueSet != null) ? new HashSet<>() : null;
			if (valueSet != null) {
				for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
					if (include.hasFilter() || include.hasValueSet() || !include.hasSystem()) {
						codes = null;
						break;
					}
					if (include.hasConcept()) {
						for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
							codes.add(include.getSystem() + "|" + concept.getCode());
						}
					}
					else {
						CodeSystem system = codeSystem(include.getSystem());
						if (system == null) {
							codes = null;
							break;
						}
						for (String code : codes(system.getConcept())) {
							codes.add(include.getSystem() + "|" + code);
						}
					}
				}
			}
			this.valueSets.put(url, codes);
			return codes;
		}

		/** Every coding in the resource: its code must be in its code system. */
		private void codings(Resource resource, String where, List<SingleValidationMessage> messages) {
			for (Coding coding : this.context.newTerser().getAllPopulatedChildElementsOfType(resource, Coding.class)) {
				if (!coding.hasSystem()) {
					add(messages, ResultSeverityEnum.WARNING, where, "a coding without a system: " + coding.getCode());
					continue;
				}
				CodeSystem system = codeSystem(coding.getSystem());
				if (system == null) {
					add(messages, ResultSeverityEnum.ERROR, where, "unknown code system " + coding.getSystem());
					continue;
				}
				Map<String, String> concepts = new HashMap<>();
				displays(system.getConcept(), concepts);
				if (!concepts.containsKey(coding.getCode())) {
					add(messages, ResultSeverityEnum.ERROR, where,
							coding.getCode() + " is not a code of " + coding.getSystem());
				}
				else if (coding.hasDisplay() && !coding.getDisplay().equals(concepts.get(coding.getCode()))) {
					add(messages, ResultSeverityEnum.WARNING, where, "display '" + coding.getDisplay() + "' of "
							+ coding.getCode() + " is not '" + concepts.get(coding.getCode()) + "'");
				}
			}
		}

		private CodeSystem codeSystem(String url) {
			CodeSystem ours = this.ours.get(url);
			return (ours != null) ? ours : (CodeSystem) this.support.fetchCodeSystem(url);
		}

		private static Set<String> codes(List<CodeSystem.ConceptDefinitionComponent> concepts) {
			Map<String, String> all = new HashMap<>();
			displays(concepts, all);
			return all.keySet();
		}

		private static void displays(List<CodeSystem.ConceptDefinitionComponent> concepts, Map<String, String> into) {
			for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
				into.put(concept.getCode(), concept.getDisplay());
				displays(concept.getConcept(), into);
			}
		}

		private StructureDefinition definition(String type) {
			return (StructureDefinition) this.support.fetchStructureDefinition(BASE_URL + type);
		}

		private List<Base> evaluate(Base node, String name, String where, List<SingleValidationMessage> messages) {
			try {
				return this.fhirPath.evaluate(node, name, Base.class);
			}
			catch (RuntimeException ex) {
				add(messages, ResultSeverityEnum.WARNING, where + "." + name, "not navigable here: " + ex.getMessage());
				return null;
			}
		}

		private static void add(List<SingleValidationMessage> messages, ResultSeverityEnum severity, String where,
				String text) {
			SingleValidationMessage message = new SingleValidationMessage();
			message.setSeverity(severity);
			message.setLocationString(where);
			message.setMessage(text);
			messages.add(message);
		}

		static boolean isBase(IBase base) {
			return base instanceof Base;
		}

	}

}
