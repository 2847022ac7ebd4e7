package org.aftercare.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aftercare.web.Ids;

/**
 * A read-only client of the clinic's FHIR API: a name, the SHA-256 of its bearer token
 * (the token itself is shown once and never stored), when it was last used, and whether
 * it was revoked. A revoked client stays listed, and never works again.
 */
@Entity
@Table(name = "api_client")
class ApiClient {

	/**
	 * Last use is written at most this often: a busy client's reads stay reads, and the
	 * admin still sees to the minute when it was last used.
	 */
	static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(nullable = false, updatable = false, length = 80)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	private String tokenHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private UUID createdBy;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private UUID revokedBy;

	/** The one-time token of the form that created it; none for clients made before. */
	@Column(name = "form_token", updatable = false)
	private UUID formToken;

	@Version
	private Long version;

	protected ApiClient() {
	}

	ApiClient(UUID clinicId, String name, String tokenHash, UUID createdBy, Instant at, UUID formToken) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdBy = createdBy;
		this.createdAt = at;
		this.formToken = formToken;
	}

	/** Revokes the client; revoking twice changes nothing. */
	boolean revoke(UUID by, Instant at) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = at;
		this.revokedBy = by;
		return true;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	/**
	 * Whether a use at this time should be written down (see
	 * {@link #LAST_USED_GRANULARITY}).
	 */
	boolean lastUseIsStale(Instant now) {
		return this.lastUsedAt == null || !this.lastUsedAt.plus(LAST_USED_GRANULARITY).isAfter(now);
	}

	UUID id() {
		return this.id;
	}

	UUID clinicId() {
		return this.clinicId;
	}

	String name() {
		return this.name;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	UUID createdBy() {
		return this.createdBy;
	}

	Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	Instant revokedAt() {
		return this.revokedAt;
	}

}
