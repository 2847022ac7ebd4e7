package org.aftercare.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Persistable;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.web.Ids;

/**
 * A patient's report about one treatment episode: one or more symptom entries, or "no new
 * symptoms". A new report registers {@link ReportSubmitted}, published when the
 * repository saves it, inside the saving transaction.
 */
@Entity
@Table(name = "symptom_report")
class SymptomReport implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private UUID patientId;

	@Column(name = "treatment_id", nullable = false, updatable = false)
	private UUID treatmentId;

	@Column(name = "form_token", nullable = false, updatable = false)
	private UUID formToken;

	@Column(name = "submitted_at", nullable = false, updatable = false)
	private Instant submittedAt;

	@Column(name = "no_new_symptoms", nullable = false, updatable = false)
	private boolean noNewSymptoms;

	@Column(name = "other_causes", length = 200)
	private String otherCauses;

	@Column(length = 500)
	private String medicines;

	@Enumerated(EnumType.STRING)
	@Column(name = "medicines_helped", length = 10)
	private MedicinesHelped medicinesHelped;

	@Column(name = "went_to_emergency", nullable = false)
	private boolean wentToEmergency;

	@Column(name = "admitted_to_hospital", nullable = false)
	private boolean admittedToHospital;

	@Column(length = 2000)
	private String notes;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "report_id", nullable = false, updatable = false)
	@OrderBy("position")
	private List<SymptomEntry> entries = new ArrayList<>();

	@Version
	private Long version;

	@Transient
	private final transient List<Object> events = new ArrayList<>();

	protected SymptomReport() {
	}

	SymptomReport(NewReport report, UUID treatmentId, Instant treatedAt, Instant submittedAt) {
		this.id = Ids.next();
		this.clinicId = report.clinicId().value();
		this.patientId = report.patientId().value();
		this.treatmentId = treatmentId;
		this.formToken = report.formToken();
		this.submittedAt = submittedAt;
		this.noNewSymptoms = report.entries().isEmpty();
		this.notes = report.notes();
		this.otherCauses = report.otherCauses().isEmpty() ? null
				: report.otherCauses().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.medicines = report.medicines();
		this.medicinesHelped = report.medicinesHelped();
		this.wentToEmergency = report.wentToEmergency();
		this.admittedToHospital = report.admittedToHospital();
		int position = 0;
		for (NewEntry entry : report.entries()) {
			this.entries.add(new SymptomEntry(this.clinicId, position++, entry, entry.startedAt().isBefore(treatedAt)));
		}
		this.events.add(new ReportSubmitted(new ReportId(this.id), new ClinicId(this.clinicId),
				new PatientId(this.patientId), new TreatmentId(this.treatmentId)));
	}

	/** Spring Data publishes these on the repository's save. */
	@DomainEvents
	List<Object> domainEvents() {
		return List.copyOf(this.events);
	}

	@AfterDomainEventPublication
	void clearDomainEvents() {
		this.events.clear();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/**
	 * New until first written: so the repository's save persists it rather than merging
	 * it (a SELECT by id first), without reading the version through a bean wrapper that
	 * finds no getter, throwing (and dropping) an exception on every call.
	 */
	@Override
	public boolean isNew() {
		return this.version == null;
	}

	UUID id() {
		return this.id;
	}

	UUID clinicId() {
		return this.clinicId;
	}

	UUID patientId() {
		return this.patientId;
	}

	UUID treatmentId() {
		return this.treatmentId;
	}

	ReportView view() {
		return new ReportView(new ReportId(this.id), new PatientId(this.patientId), new TreatmentId(this.treatmentId),
				this.submittedAt, this.noNewSymptoms, otherCauses(), this.medicines, this.medicinesHelped,
				this.wentToEmergency, this.admittedToHospital, this.notes,
				this.entries.stream().map(SymptomEntry::view).toList());
	}

	private Set<Confounder> otherCauses() {
		return otherCauses(this.otherCauses);
	}

	/** The other causes as stored: comma-separated names, or null for none. */
	static Set<Confounder> otherCauses(String stored) {
		if (stored == null) {
			return Set.of();
		}
		return Arrays.stream(stored.split(","))
			.map(Confounder::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Confounder.class)));
	}

}
