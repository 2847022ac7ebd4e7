package org.aftercare.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A user who gave the right password but still owes a second factor. Kept in the session
 * instead of an authentication: until the second step, the session is anonymous and
 * reaches nothing but the two-factor pages.
 */
public record PendingSignIn(UUID accountId, String email, TwoFactorCheck.SecondStep step, Instant since,
		int failures) implements Serializable {

	public PendingSignIn failedOnce() {
		return new PendingSignIn(this.accountId, this.email, this.step, this.since, this.failures + 1);
	}

}
