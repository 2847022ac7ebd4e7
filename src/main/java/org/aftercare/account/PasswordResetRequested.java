package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for a password reset link for this account. It carries the raw token, the
 * only place it exists besides the e-mail: the database keeps a hash, and the event
 * publication is deleted once the mail is sent. {@code language} is the tag of the
 * language the e-mail is written in (English for staff).
 */
public record PasswordResetRequested(UUID clinicId, UUID accountId, String email, String displayName, String token,
		Instant expiresAt, String language) {

	@Override
	public String toString() {
		return "PasswordResetRequested[" + this.accountId + "]";
	}

}
