package org.aftercare.interop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.clinic.ClinicService;
import org.aftercare.clinic.ClinicSummary;
import org.aftercare.patient.Intake;
import org.aftercare.patient.PatientService;
import org.aftercare.report.EntryView;
import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.security.CurrentUser;
import org.aftercare.treatment.Indication;
import org.aftercare.treatment.TreatmentService;
import org.aftercare.treatment.TreatmentSummary;
import org.aftercare.triage.FlagId;
import org.aftercare.triage.FlagRecord;
import org.aftercare.triage.FlagRecords;
import org.aftercare.triage.Seriousness;
import org.aftercare.web.NotFoundException;

/**
 * Drafts of a regulator's report from a flag (MedWatch 3500, Yellow Card), filled from
 * the case as Aftercare holds it, read and audited in one transaction.
 */
@Service
class RegulatorReports {

	private final FlagRecords flags;

	private final PatientService patients;

	private final TreatmentService treatments;

	private final ReportService reports;

	private final ClinicService clinics;

	private final AuditLog audit;

	private final Clock clock;

	RegulatorReports(FlagRecords flags, PatientService patients, TreatmentService treatments, ReportService reports,
			ClinicService clinics, AuditLog audit, Clock clock) {
		this.flags = flags;
		this.patients = patients;
		this.treatments = treatments;
		this.reports = reports;
		this.clinics = clinics;
		this.audit = audit;
		this.clock = clock;
	}

	/** A prepared draft: its file name and the PDF. */
	record Draft(String fileName, byte[] pdf) {
	}

	/**
	 * The draft of a flag of the reporter's clinic; another clinic's flag does not exist.
	 */
	@Transactional
	Draft prepare(CurrentUser reporter, UUID flagId, ReportingScheme form) {
		ClinicId clinicId = reporter.clinicId();
		FlagRecord flag = this.flags.find(clinicId, new FlagId(flagId))
			.orElseThrow(() -> new NotFoundException("flag"));
		Intake patient = this.patients.find(clinicId, flag.patientId())
			.orElseThrow(() -> new NotFoundException("patient"))
			.intake();
		TreatmentSummary treatment = this.treatments.find(clinicId, flag.treatmentId())
			.orElseThrow(() -> new NotFoundException("treatment"));
		Optional<ReportView> report = Optional.ofNullable(flag.lastReportId())
			.flatMap((id) -> this.reports.findForClinic(clinicId, id));
		ClinicSummary clinic = this.clinics.get(clinicId);
		ZoneId zone = reporter.zone();
		RegulatorCase draft = caseOf(flag, patient, treatment, report, clinic, reporter, zone);
		byte[] pdf = new RegulatorPdf(form, draft).render();
		this.audit.record(new AuditEvent(clinicId, flag.patientId().value(), AuditAction.REGULATOR_REPORT_PREPARED,
				"flag", flagId, form.title()));
		// The end of the id: its start is the time of a version 7 UUID, shared by the
		// flags of one report.
		String shortId = flagId.toString().substring(24);
		return new Draft(form.slug() + "-draft-" + shortId + "-" + draft.reportDate() + ".pdf", pdf);
	}

	private RegulatorCase caseOf(FlagRecord flag, Intake patient, TreatmentSummary treatment,
			Optional<ReportView> report, ClinicSummary clinic, CurrentUser reporter, ZoneId zone) {
		List<EntryView> flagged = report
			.map((r) -> r.entries().stream().filter((e) -> flag.symptoms().contains(e.symptom())).toList())
			.orElse(List.of());
		Instant onset = flagged.stream()
			.map(EntryView::startedAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(flag.raisedAt());
		LocalDate eventDate = LocalDate.ofInstant(onset, zone);
		// Over only when every flagged symptom had stopped by the report.
		LocalDate eventStopped = (!flagged.isEmpty()
				&& flagged.stream().allMatch((e) -> !e.ongoing() && e.stoppedAt() != null)) ? LocalDate.ofInstant(
						flagged.stream().map(EntryView::stoppedAt).max(Comparator.naturalOrder()).orElseThrow(), zone)
						: null;
		List<String> symptoms = flag.symptoms()
			.stream()
			.map((s) -> CodeSystems.SYMPTOM.concepts().get(s.name()))
			.toList();
		StringBuilder description = new StringBuilder(String.join(", ", symptoms)).append(". ");
		description.append(flag.evidence());
		if (flag.causality() != null) {
			description.append(" Clinician's assessment: causality (WHO-UMC) ")
				.append(FhirResources.causality(flag.causality()).getDisplay())
				.append(", outcome ")
				.append(FhirResources.outcome(flag.outcome()).getDisplay().toLowerCase(java.util.Locale.ROOT))
				.append('.');
		}
		report.filter(ReportView::wentToEmergency)
			.ifPresent((r) -> description.append(" The patient went to an emergency department."));
		report.filter(ReportView::admittedToHospital)
			.ifPresent((r) -> description.append(" The patient was admitted to hospital."));
		String indication = (treatment.indication() == Indication.COSMETIC) ? "Cosmetic: " + treatment.areas()
			.stream()
			.map((a) -> CodeSystems.area(a.area()).toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.joining(", ")) : null;
		return new RegulatorCase(flag.id().toString(), initials(patient),
				Period.between(patient.dateOfBirth(), eventDate).getYears(), null, String.join(", ", symptoms),
				description.toString(), eventDate, eventStopped, LocalDate.now(this.clock.withZone(zone)),
				(flag.seriousness() != null) ? flag.seriousness() == Seriousness.SERIOUS : flag.serious(),
				flag.criteria(), flag.outcome(), flag.causality(), history(patient),
				blankToNull(patient.currentMedicines()), CodeSystems.PRODUCT.concepts().get(treatment.product().name()),
				blankToNull(treatment.lotNumber()), FhirResources.dose(treatment), "Intramuscular injection",
				LocalDate.ofInstant(treatment.treatedAt(), zone), indication, reporter.displayName(),
				reporter.getUsername(), clinic.name(), clinic.phone(), symptoms);
	}

	private static String initials(Intake patient) {
		return initial(patient.givenName()) + initial(patient.familyName());
	}

	private static String initial(String name) {
		String stripped = (name == null) ? "" : name.strip();
		return stripped.isEmpty() ? "" : stripped.substring(0, stripped.offsetByCodePoints(0, 1)).toUpperCase() + ".";
	}

	/** What the intake holds that a regulator asks as relevant history. */
	private static String history(Intake patient) {
		List<String> history = new ArrayList<>();
		if (patient.hypertension()) {
			history.add("hypertension");
		}
		if (patient.migraineHistory()) {
			history.add("migraine or headache history" + ((patient.baselineHeadacheDays() != null)
					? " (" + patient.baselineHeadacheDays() + " headache days a month)" : ""));
		}
		if (patient.neuromuscularDisease()) {
			history.add("neuromuscular disease");
		}
		if (patient.breathingSwallowingBleedingProblems()) {
			history.add("breathing, swallowing or bleeding problems");
		}
		if (patient.toxinInLast4Months()) {
			history.add("another botulinum toxin in the 4 months before");
		}
		if (patient.recentAminoglycosides()) {
			history.add("recent aminoglycoside antibiotics");
		}
		if (patient.earlierFacialSurgery()) {
			history.add("earlier facial surgery");
		}
		if (patient.existingEyelidDroop()) {
			history.add("eyelid droop before treatment");
		}
		if (patient.pregnantOrBreastfeeding()) {
			history.add("pregnant or breastfeeding");
		}
		if (patient.productAllergy()) {
			history.add("allergy to a botulinum toxin product");
		}
		if (patient.cowsMilkAllergy()) {
			history.add("cow's milk protein allergy");
		}
		if (history.isEmpty()) {
			return "None recorded at intake.";
		}
		String text = String.join("; ", history);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
