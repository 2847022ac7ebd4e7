package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aftercare.web.Ids;

/**
 * A one-time, short-lived link with which a user chooses a new password. Only the SHA-256
 * of its token is stored.
 */
@Entity
@Table(name = "password_reset")
class PasswordReset {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Column(name = "account_id", nullable = false, updatable = false)
	private UUID accountId;

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	private String tokenHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected PasswordReset() {
	}

	PasswordReset(UUID clinicId, UUID accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.accountId = accountId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean usable(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	void use(Instant at) {
		this.usedAt = at;
	}

	/** A newer link, or a password set another way, replaces this one. */
	void withdraw(Instant at) {
		if (this.usedAt == null && this.expiresAt.isAfter(at)) {
			this.expiresAt = at;
		}
	}

	UUID clinicId() {
		return this.clinicId;
	}

	UUID accountId() {
		return this.accountId;
	}

}
