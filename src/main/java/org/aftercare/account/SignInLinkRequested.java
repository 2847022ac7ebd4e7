package org.aftercare.account;

import java.time.Instant;

import org.aftercare.security.ClinicId;

/**
 * A patient asked for a sign-in link. It carries the raw token, the only place it exists
 * besides the e-mail: the database keeps a hash, and the event publication is deleted
 * once the mail is sent.
 */
public record SignInLinkRequested(ClinicId clinicId, AccountId accountId, String email, String displayName,
		String token, Instant expiresAt) {

	@Override
	public String toString() {
		return "SignInLinkRequested[" + this.accountId + "]";
	}

}
