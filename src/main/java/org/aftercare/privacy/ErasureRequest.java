package org.aftercare.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.web.Ids;

/**
 * A patient's request to have their account erased, and the admin's decision on it.
 */
@Entity
@Table(name = "erasure_request")
class ErasureRequest {

	enum Decision {

		APPROVED, DECLINED

	}

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "patient_id", nullable = false, updatable = false)
	private UUID patientId;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private Instant requestedAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by")
	private UUID decidedBy;

	@Enumerated(EnumType.STRING)
	@Column(length = 10)
	private Decision decision;

	@Version
	private Long version;

	protected ErasureRequest() {
	}

	ErasureRequest(UUID clinicId, UUID patientId, Instant requestedAt) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.patientId = patientId;
		this.requestedAt = requestedAt;
	}

	/** Records the decision; a request is decided once. */
	void decide(Decision decision, UUID by, Instant at) {
		if (this.decision != null) {
			throw new IllegalStateException("erasure request " + this.id + " is decided already");
		}
		this.decision = decision;
		this.decidedBy = by;
		this.decidedAt = at;
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

	Instant requestedAt() {
		return this.requestedAt;
	}

}
