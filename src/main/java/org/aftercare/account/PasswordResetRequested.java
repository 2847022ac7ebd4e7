package org.aftercare.account;

import java.time.Instant;

import org.aftercare.security.ClinicId;

/**
 * Someone asked for a password reset link for this account. It carries the raw token, the
 * only place it exists besides the e-mail: the database keeps a hash, and the event
 * publication is deleted once the mail is sent.
 */
public record PasswordResetRequested(ClinicId clinicId, AccountId accountId, String email, String displayName,
		String token, Instant expiresAt) {

	@Override
	public String toString() {
		return "PasswordResetRequested[" + this.accountId + "]";
	}

}
