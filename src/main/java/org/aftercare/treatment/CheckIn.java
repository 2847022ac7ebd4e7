package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.web.Ids;

/**
 * One scheduled "How are you today?" of a treatment episode: due at a fixed time after
 * the treatment, reminded once, answered by the first report that comes after it fell
 * due.
 */
@Entity
@Table(name = "check_in")
class CheckIn implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private UUID patientId;

	@Column(name = "treatment_id", nullable = false, updatable = false)
	private UUID treatmentId;

	@Column(name = "due_at", nullable = false, updatable = false)
	private Instant dueAt;

	/** The offset after the treatment as an ISO-8601 duration ("PT2H", "PT24H"). */
	@Column(name = "offset_label", nullable = false, length = 20, updatable = false)
	private String offsetLabel;

	@Column(name = "reminded_at")
	private Instant remindedAt;

	@Column(name = "answered_at")
	private Instant answeredAt;

	@Column(name = "answer_report_id")
	private UUID answerReportId;

	/** Ids are assigned here, so saving a new one must not look for it first. */
	@Transient
	private boolean isNew = true;

	protected CheckIn() {
	}

	CheckIn(UUID clinicId, UUID patientId, UUID treatmentId, Instant treatedAt, Duration offset) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.treatmentId = treatmentId;
		this.dueAt = treatedAt.plus(offset);
		this.offsetLabel = offset.toString();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

	DueCheckIn toDue() {
		return new DueCheckIn(new CheckInId(this.id), new ClinicId(this.clinicId), new PatientId(this.patientId),
				new TreatmentId(this.treatmentId), this.dueAt, this.offsetLabel);
	}

	CheckInState toState() {
		return new CheckInState(new CheckInId(this.id), new ClinicId(this.clinicId), new PatientId(this.patientId),
				new TreatmentId(this.treatmentId), this.dueAt, this.offsetLabel, this.answeredAt);
	}

	CheckInRow toRow() {
		return new CheckInRow(new CheckInId(this.id), this.dueAt, this.offsetLabel, this.remindedAt, this.answeredAt,
				this.answerReportId);
	}

}
