package org.aftercare.triage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aftercare.web.Ids;

/**
 * One step of a flag's review: acknowledged, contact recorded, update requested,
 * resolved, reopened.
 */
@Entity
@Table(name = "flag_action")
class FlagAction {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "flag_id", nullable = false, updatable = false)
	private UUID flagId;

	@Column(name = "actor_id", nullable = false, updatable = false)
	private UUID actorId;

	@Column(nullable = false, length = 30, updatable = false)
	private String action;

	@Column(length = 2000, updatable = false)
	private String detail;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	protected FlagAction() {
	}

	FlagAction(Flag flag, UUID actorId, String action, String detail, Instant at) {
		this.id = Ids.next();
		this.clinicId = flag.clinicId();
		this.flagId = flag.id();
		this.actorId = actorId;
		this.action = action;
		this.detail = detail;
		this.occurredAt = at;
	}

}
