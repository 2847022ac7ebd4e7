package org.aftercare.interop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import org.aftercare.account.ClinicianRecord;
import org.aftercare.patient.PatientRecord;
import org.aftercare.report.Confounder;
import org.aftercare.report.EntryView;
import org.aftercare.report.ReportView;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.treatment.TreatmentRecord;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.triage.Causality;
import org.aftercare.triage.FlagRecord;
import org.aftercare.triage.Outcome;
import org.aftercare.triage.Seriousness;

/**
 * The app's records as FHIR R4 resources (docs/api.md has the mapping). Pure: no
 * database, no Spring; every resource holds what its record holds and nothing more.
 */
final class FhirResources {

	static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

	static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

	static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

	static final String CAUSALITY = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess";

	/** Language tags, the code system of Patient.communication.language. */
	static final String BCP_47 = "urn:ietf:bcp:47";

	/** The questionnaire of the report form: its id, and its version in the canonical. */
	static final String QUESTIONNAIRE_ID = "symptom-report";

	static final String QUESTIONNAIRE_VERSION = "1";

	private final CodeSystems codes;

	private final String fhirBase;

	FhirResources(String fhirBase) {
		this.fhirBase = fhirBase;
		this.codes = new CodeSystems(fhirBase);
	}

	CodeSystems codes() {
		return this.codes;
	}

	String questionnaireUrl() {
		return this.fhirBase + "/Questionnaire/" + QUESTIONNAIRE_ID;
	}

	/**
	 * Name, date of birth and the language the patient reads Aftercare in: no sex or
	 * gender (the app holds none), no e-mail or phone (an export for records and
	 * statistics has no use for them, and they are what a leak would abuse first). The
	 * language is the one the clinic should speak to them in, so it is their preferred
	 * communication, coded in BCP-47 as FHIR asks.
	 */
	Patient patient(PatientRecord record) {
		Patient patient = new Patient();
		patient.setId(record.id().toString());
		patient.setMeta(meta(record.recordedAt()));
		patient.addName()
			.setUse(HumanName.NameUse.OFFICIAL)
			.setFamily(record.intake().familyName())
			.addGiven(record.intake().givenName());
		patient.setBirthDateElement(date(record.intake().dateOfBirth()));
		if (record.language() != null) {
			String display = Locale.forLanguageTag(record.language()).getDisplayName(Locale.ENGLISH);
			patient.addCommunication()
				.setLanguage(concept(new Coding(BCP_47, record.language(), display)))
				.setPreferred(true);
		}
		return patient;
	}

	/** A clinician by name, and whether their login is still enabled. */
	Practitioner practitioner(ClinicianRecord record) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(record.id().toString());
		practitioner.setMeta(meta(record.recordedAt()));
		practitioner.setActive(record.enabled());
		practitioner.addName().setText(record.displayName());
		return practitioner;
	}

	/**
	 * A treatment as a Procedure: one resource for the whole treatment, however many
	 * areas (a MedicationAdministration holds one dose at one site). The product and its
	 * lot are a contained Medication it used; the areas are its body sites; the units per
	 * area, for which R4's Procedure has no element, are in its note.
	 */
	Procedure procedure(TreatmentRecord record) {
		TreatmentSummary treatment = record.summary();
		Procedure procedure = new Procedure();
		procedure.setId(treatment.id().toString());
		procedure.setMeta(meta(record.recordedAt()));
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setCode(concept(this.codes.coding(CodeSystems.PROCEDURE, CodeSystems.Procedures.TOXIN_INJECTION)));
		procedure.setSubject(reference("Patient", treatment.patientId().value()));
		procedure.setPerformed(dateTime(treatment.treatedAt()));
		procedure.addPerformer().setActor(reference("Practitioner", treatment.injectorId().value()));
		procedure.addReasonCode(concept(this.codes.coding(CodeSystems.INDICATION, treatment.indication().name())));
		Medication medication = new Medication();
		medication.setId("product");
		medication.setCode(concept(this.codes.coding(CodeSystems.PRODUCT, treatment.product().name())));
		if (treatment.lotNumber() != null && !treatment.lotNumber().isBlank()) {
			medication.getBatch().setLotNumber(treatment.lotNumber());
		}
		procedure.addContained(medication);
		procedure.addUsedReference(new Reference("#product"));
		for (AreaUnits area : treatment.areas()) {
			procedure.addBodySite(concept(this.codes.coding(CodeSystems.AREA, area.area().name())));
		}
		procedure.addNote().setText(dose(treatment));
		return procedure;
	}

	/**
	 * "Glabellar lines (frown lines): 20 units; Forehead lines: 10 units. Total 30
	 * units."
	 */
	static String dose(TreatmentSummary treatment) {
		String areas = treatment.areas()
			.stream()
			.map((a) -> CodeSystems.area(a.area()) + ": " + units(a.units()) + " units")
			.collect(Collectors.joining("; "));
		return (areas.isEmpty() ? "" : areas + ". ") + "Total " + units(treatment.totalUnits()) + " units.";
	}

	/**
	 * A flag as an AdverseEvent. The event is the flag's first symptom (its text names
	 * all of them); its date the onset of the flagged symptoms in the report that raised
	 * it last, when that report is at hand; severity from that report's worst severity on
	 * the 0-10 scale (1-4 mild, 5-6 moderate, 7-10 severe, CLINICAL.md section 1), or
	 * from the flag's priority; outcome, causality and seriousness as the clinician
	 * recorded them on closing the flag (CLINICAL.md section 7), absent while it is open,
	 * except that a flag the rules marked serious (R14) is serious from the start.
	 */
	AdverseEvent adverseEvent(FlagRecord flag, Optional<ReportView> report) {
		AdverseEvent event = new AdverseEvent();
		event.setId(flag.id().toString());
		event.setMeta(meta(flag.lastUpdated()));
		event.setActuality(AdverseEventActuality.ACTUAL);
		if (!flag.symptoms().isEmpty()) {
			CodeableConcept what = concept(this.codes.coding(CodeSystems.SYMPTOM, flag.symptoms().get(0).name()));
			what.setText(flag.symptoms()
				.stream()
				.map((s) -> CodeSystems.SYMPTOM.concepts().get(s.name()))
				.collect(Collectors.joining(", ")));
			event.setEvent(what);
		}
		event.setSubject(reference("Patient", flag.patientId().value()));
		List<EntryView> flagged = report.map((r) -> flaggedEntries(r, flag.symptoms())).orElse(List.of());
		Instant onset = flagged.stream()
			.map(EntryView::startedAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(flag.raisedAt());
		event.setDateElement(dateTime(onset));
		report.ifPresent((r) -> event.setDetectedElement(dateTime(r.submittedAt())));
		event.setRecordedDateElement(dateTime(flag.raisedAt()));
		seriousness(flag).ifPresent(event::setSeriousness);
		event.setSeverity(concept(new Coding(SEVERITY, severity(flag, flagged), null)));
		event.getSeverity()
			.getCodingFirstRep()
			.setDisplay(capitalised(event.getSeverity().getCodingFirstRep().getCode()));
		if (flag.outcome() != null) {
			Coding outcome = outcome(flag.outcome());
			event.setOutcome(concept(outcome));
		}
		AdverseEvent.AdverseEventSuspectEntityComponent suspect = event.addSuspectEntity();
		suspect.setInstance(reference("Procedure", flag.treatmentId().value()));
		if (flag.causality() != null) {
			AdverseEvent.AdverseEventSuspectEntityCausalityComponent causality = suspect.addCausality();
			causality.setAssessment(concept(causality(flag.causality())));
			if (flag.resolvedBy() != null) {
				causality.setAuthor(reference("Practitioner", flag.resolvedBy().value()));
			}
		}
		return event;
	}

	private static List<EntryView> flaggedEntries(ReportView report, List<Symptom> symptoms) {
		return report.entries().stream().filter((e) -> symptoms.contains(e.symptom())).toList();
	}

	private static String severity(FlagRecord flag, List<EntryView> flagged) {
		Optional<Integer> worst = flagged.stream()
			.map(EntryView::severity)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
		if (worst.isPresent()) {
			int score = worst.get();
			return (score >= 7) ? "severe" : (score >= 5) ? "moderate" : "mild";
		}
		return switch (flag.priority()) {
			case "EMERGENCY", "HIGH" -> "severe";
			default -> "moderate";
		};
	}

	private static Optional<CodeableConcept> seriousness(FlagRecord flag) {
		if (flag.seriousness() == Seriousness.NON_SERIOUS) {
			return Optional.of(concept(new Coding(SERIOUSNESS, "Non-serious", "Non-serious")));
		}
		if (flag.seriousness() == Seriousness.SERIOUS || flag.serious()) {
			// One coding: the codings of a CodeableConcept say the same thing, and a case
			// with several criteria has them all in its text.
			Coding coding = flag.criteria()
				.stream()
				.min(Comparator.naturalOrder())
				.map(FhirResources::criterion)
				.orElse(new Coding(SERIOUSNESS, "Serious", "Serious"));
			CodeableConcept serious = concept(coding);
			if (flag.criteria().size() > 1) {
				serious.setText("Serious: " + flag.criteria()
					.stream()
					.map((c) -> criterion(c).getDisplay())
					.collect(Collectors.joining("; ")));
			}
			return Optional.of(serious);
		}
		return Optional.empty();
	}

	private static Coding criterion(Seriousness.Criterion criterion) {
		return switch (criterion) {
			case HOSPITALISATION -> new Coding(SERIOUSNESS, "SeriousResultsInHospitalization",
					"Requires or prolongs inpatient hospitalization");
			case LIFE_THREATENING -> new Coding(SERIOUSNESS, "SeriousIsLifeThreatening", "Is Life-threatening");
			case DISABILITY -> new Coding(SERIOUSNESS, "SeriousResultsInDisability",
					"Results in persistent or significant disability/incapacity");
			// The HL7 code system has no "other medically important" criterion.
			case OTHER_MEDICALLY_IMPORTANT -> new Coding(SERIOUSNESS, "Serious", "Serious");
		};
	}

	static Coding outcome(Outcome outcome) {
		return switch (outcome) {
			case RESOLVED -> new Coding(OUTCOME, "resolved", "Resolved");
			case RESOLVING -> new Coding(OUTCOME, "recovering", "Recovering");
			case ONGOING -> new Coding(OUTCOME, "ongoing", "Ongoing");
			case RESOLVED_WITH_SEQUELAE -> new Coding(OUTCOME, "resolvedWithSequelae", "Resolved with Sequelae");
			case UNKNOWN -> new Coding(OUTCOME, "unknown", "Unknown");
		};
	}

	static Coding causality(Causality causality) {
		return switch (causality) {
			case CERTAIN -> new Coding(CAUSALITY, "Certain", "Certain");
			case PROBABLE -> new Coding(CAUSALITY, "Probably-Likely", "Probably/Likely");
			case POSSIBLE -> new Coding(CAUSALITY, "Possible", "Possible");
			case UNLIKELY -> new Coding(CAUSALITY, "Unlikely", "Unlikely");
			case CONDITIONAL -> new Coding(CAUSALITY, "Conditional-Classified", "Conditional/Classified");
			case UNASSESSABLE -> new Coding(CAUSALITY, "Unassessable-Unclassifiable", "Unassessable/Unclassifiable");
		};
	}

	/** The report form as a Questionnaire: one version, its canonical URL ours. */
	Questionnaire questionnaire() {
		Questionnaire q = new Questionnaire();
		q.setId(QUESTIONNAIRE_ID);
		q.setUrl(questionnaireUrl());
		q.setVersion(QUESTIONNAIRE_VERSION);
		q.setName("AftercareSymptomReport");
		q.setTitle("Aftercare symptom report");
		q.setStatus(PublicationStatus.ACTIVE);
		q.setPublisher("Aftercare");
		q.setDescription("What a patient reports after a botulinum toxin treatment (Aftercare CLINICAL.md section 2).");
		q.addSubjectType("Patient");
		q.addItem().setLinkId("no-new-symptoms").setText("No new symptoms").setType(QuestionnaireItemType.BOOLEAN);
		Questionnaire.QuestionnaireItemComponent entry = q.addItem()
			.setLinkId("entry")
			.setText("Symptom")
			.setType(QuestionnaireItemType.GROUP)
			.setRepeats(true);
		entry.addItem()
			.setLinkId("entry.symptom")
			.setText("Symptom")
			.setType(QuestionnaireItemType.CHOICE)
			.setRequired(true)
			.setAnswerOption(options(CodeSystems.SYMPTOM));
		entry.addItem()
			.setLinkId("entry.other-description")
			.setText("What else (for another symptom)")
			.setType(QuestionnaireItemType.STRING);
		entry.addItem()
			.setLinkId("entry.severity")
			.setText("Severity at its worst (0-10)")
			.setType(QuestionnaireItemType.INTEGER);
		entry.addItem()
			.setLinkId("entry.interference")
			.setText("Interference with usual activities (0-4, PRO-CTCAE)")
			.setType(QuestionnaireItemType.INTEGER);
		entry.addItem().setLinkId("entry.started").setText("When it started").setType(QuestionnaireItemType.DATETIME);
		entry.addItem().setLinkId("entry.ongoing").setText("Still going on").setType(QuestionnaireItemType.BOOLEAN);
		entry.addItem().setLinkId("entry.stopped").setText("When it stopped").setType(QuestionnaireItemType.DATETIME);
		entry.addItem()
			.setLinkId("entry.sudden-worst-ever")
			.setText("Headache: sudden and the worst ever")
			.setType(QuestionnaireItemType.BOOLEAN);
		entry.addItem()
			.setLinkId("entry.fever-or-stiff-neck")
			.setText("Headache: fever or stiff neck")
			.setType(QuestionnaireItemType.BOOLEAN);
		entry.addItem()
			.setLinkId("entry.neurological-signs")
			.setText("Headache: new weakness, numbness, confusion or loss of vision")
			.setType(QuestionnaireItemType.BOOLEAN);
		q.addItem()
			.setLinkId("other-causes")
			.setText("Other possible causes")
			.setType(QuestionnaireItemType.CHOICE)
			.setRepeats(true)
			.setAnswerOption(options(CodeSystems.OTHER_CAUSE));
		q.addItem().setLinkId("medicines").setText("Medicines taken for it").setType(QuestionnaireItemType.STRING);
		q.addItem()
			.setLinkId("medicines-helped")
			.setText("Did they help")
			.setType(QuestionnaireItemType.CHOICE)
			.setAnswerOption(options(CodeSystems.MEDICINES_HELPED));
		q.addItem()
			.setLinkId("went-to-emergency")
			.setText("Went to an emergency department")
			.setType(QuestionnaireItemType.BOOLEAN);
		q.addItem()
			.setLinkId("admitted-to-hospital")
			.setText("Admitted to hospital")
			.setType(QuestionnaireItemType.BOOLEAN);
		q.addItem().setLinkId("notes").setText("Notes").setType(QuestionnaireItemType.TEXT);
		return q;
	}

	/** The choices of a question: every code of one of our code systems. */
	private List<Questionnaire.QuestionnaireItemAnswerOptionComponent> options(CodeSystems.Definition system) {
		return system.concepts()
			.keySet()
			.stream()
			.map((code) -> new Questionnaire.QuestionnaireItemAnswerOptionComponent()
				.setValue(this.codes.coding(system, code)))
			.collect(Collectors.toCollection(java.util.ArrayList::new));
	}

	/**
	 * A report's answers, as the questionnaire asks them; no more than the report holds.
	 */
	QuestionnaireResponse questionnaireResponse(ReportView report) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId(report.id().toString());
		response.setMeta(meta(report.submittedAt()));
		response.setQuestionnaireElement(new CanonicalType(questionnaireUrl() + "|" + QUESTIONNAIRE_VERSION));
		response.setStatus(QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(reference("Patient", report.patientId().value()));
		response.setAuthor(reference("Patient", report.patientId().value()));
		response.setAuthoredElement(dateTime(report.submittedAt()));
		if (report.noNewSymptoms()) {
			answer(response.addItem().setLinkId("no-new-symptoms"), new BooleanType(true));
		}
		for (EntryView entry : report.entries()) {
			QuestionnaireResponseItemComponent group = response.addItem().setLinkId("entry");
			answer(group.addItem().setLinkId("entry.symptom"),
					this.codes.coding(CodeSystems.SYMPTOM, entry.symptom().name()));
			if (entry.otherDescription() != null && !entry.otherDescription().isBlank()) {
				answer(group.addItem().setLinkId("entry.other-description"), new StringType(entry.otherDescription()));
			}
			if (entry.severity() != null) {
				answer(group.addItem().setLinkId("entry.severity"), new IntegerType(entry.severity()));
			}
			if (entry.interference() != null) {
				answer(group.addItem().setLinkId("entry.interference"), new IntegerType(entry.interference()));
			}
			if (entry.startedAt() != null) {
				answer(group.addItem().setLinkId("entry.started"), dateTime(entry.startedAt()));
			}
			answer(group.addItem().setLinkId("entry.ongoing"), new BooleanType(entry.ongoing()));
			if (entry.stoppedAt() != null) {
				answer(group.addItem().setLinkId("entry.stopped"), dateTime(entry.stoppedAt()));
			}
			if (entry.suddenWorstEver() != null) {
				answer(group.addItem().setLinkId("entry.sudden-worst-ever"), new BooleanType(entry.suddenWorstEver()));
			}
			if (entry.feverOrStiffNeck() != null) {
				answer(group.addItem().setLinkId("entry.fever-or-stiff-neck"),
						new BooleanType(entry.feverOrStiffNeck()));
			}
			if (entry.neurologicalSigns() != null) {
				answer(group.addItem().setLinkId("entry.neurological-signs"),
						new BooleanType(entry.neurologicalSigns()));
			}
		}
		List<Confounder> causes = report.otherCauses().stream().sorted().toList();
		if (!causes.isEmpty()) {
			QuestionnaireResponseItemComponent item = response.addItem().setLinkId("other-causes");
			causes.forEach((c) -> item.addAnswer().setValue(this.codes.coding(CodeSystems.OTHER_CAUSE, c.name())));
		}
		if (report.medicines() != null && !report.medicines().isBlank()) {
			answer(response.addItem().setLinkId("medicines"), new StringType(report.medicines()));
		}
		if (report.medicinesHelped() != null) {
			answer(response.addItem().setLinkId("medicines-helped"),
					this.codes.coding(CodeSystems.MEDICINES_HELPED, report.medicinesHelped().name()));
		}
		answer(response.addItem().setLinkId("went-to-emergency"), new BooleanType(report.wentToEmergency()));
		answer(response.addItem().setLinkId("admitted-to-hospital"), new BooleanType(report.admittedToHospital()));
		if (report.notes() != null && !report.notes().isBlank()) {
			answer(response.addItem().setLinkId("notes"), new StringType(report.notes()));
		}
		return response;
	}

	private static void answer(QuestionnaireResponseItemComponent item, org.hl7.fhir.r4.model.Type value) {
		item.addAnswer().setValue(value);
	}

	Reference reference(String type, UUID id) {
		return new Reference(type + "/" + id);
	}

	private static CodeableConcept concept(Coding coding) {
		return new CodeableConcept().addCoding(coding);
	}

	private static Meta meta(Instant lastUpdated) {
		return new Meta().setLastUpdated(Date.from(lastUpdated));
	}

	private static DateType date(LocalDate day) {
		return new DateType(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
	}

	/**
	 * A point in time in UTC, to the second: what the records hold, in any JVM's zone.
	 */
	static DateTimeType dateTime(Instant at) {
		return new DateTimeType(Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, UTC);
	}

	private static final java.util.TimeZone UTC = java.util.TimeZone.getTimeZone(ZoneOffset.UTC);

	private static String units(BigDecimal units) {
		return units.stripTrailingZeros().toPlainString();
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
