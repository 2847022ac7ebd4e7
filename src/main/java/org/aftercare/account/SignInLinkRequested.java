package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient asked for a sign-in link. It carries the raw token, the only place it exists
 * besides the e-mail: the database keeps a hash, and the event publication is deleted
 * once the mail is sent. {@code language} is the tag of the language the e-mail is
 * written in (English for staff).
 */
public record SignInLinkRequested(UUID clinicId, UUID accountId, String email, String displayName, String token,
		Instant expiresAt, String language) {

	@Override
	public String toString() {
		return "SignInLinkRequested[" + this.accountId + "]";
	}

}
