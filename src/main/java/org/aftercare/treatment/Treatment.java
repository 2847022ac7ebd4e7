package org.aftercare.treatment;

import java.time.Instant;
import java.util.ArrayList;
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
import jakarta.persistence.Version;

import org.aftercare.account.AccountId;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.web.Ids;

/**
 * A treatment episode: one session of injections, and the 12 weeks of monitoring after
 * it.
 */
@Entity
@Table(name = "treatment")
class Treatment {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private UUID patientId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40)
	private Product product;

	@Column(name = "lot_number", length = 40)
	private String lotNumber;

	@Column(name = "injector_id", nullable = false)
	private UUID injectorId;

	@Column(name = "treated_at", nullable = false)
	private Instant treatedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Indication indication;

	@Column(name = "intake_reviewed", nullable = false)
	private boolean intakeReviewed;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** The one-time token of the clinician's form that recorded it, if any. */
	@Column(name = "form_token", updatable = false)
	private UUID formToken;

	/** When the patient confirmed reading the aftercare sheet (the first time). */
	@Column(name = "aftercare_confirmed_at")
	private Instant aftercareConfirmedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "treatment_id", nullable = false, updatable = false)
	@OrderBy("area")
	private List<TreatmentArea> areas = new ArrayList<>();

	@Version
	private Long version;

	protected Treatment() {
	}

	Treatment(UUID clinicId, NewTreatment details, Instant createdAt) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.patientId = details.patientId().value();
		this.product = details.product();
		this.lotNumber = details.lotNumber();
		this.injectorId = details.injectorId().value();
		this.treatedAt = details.treatedAt();
		this.indication = details.indication();
		this.intakeReviewed = details.intakeReviewed();
		this.createdAt = createdAt;
		for (AreaUnits area : details.areas()) {
			this.areas.add(new TreatmentArea(clinicId, area.area(), area.units()));
		}
	}

	UUID id() {
		return this.id;
	}

	Treatment withFormToken(UUID formToken) {
		this.formToken = formToken;
		return this;
	}

	UUID clinicId() {
		return this.clinicId;
	}

	UUID patientId() {
		return this.patientId;
	}

	Instant treatedAt() {
		return this.treatedAt;
	}

	/**
	 * Records that the patient read the aftercare sheet; a second tap keeps the first
	 * time. Returns the time of the confirmation that counts.
	 */
	Instant confirmAftercare(Instant at) {
		if (this.aftercareConfirmedAt == null) {
			this.aftercareConfirmedAt = at;
		}
		return this.aftercareConfirmedAt;
	}

	TreatmentSummary summary() {
		return new TreatmentSummary(new TreatmentId(this.id), new ClinicId(this.clinicId),
				new PatientId(this.patientId), this.product, this.lotNumber, new AccountId(this.injectorId),
				this.treatedAt, this.indication, this.areas.stream().map(TreatmentArea::toAreaUnits).toList(),
				this.aftercareConfirmedAt);
	}

}
