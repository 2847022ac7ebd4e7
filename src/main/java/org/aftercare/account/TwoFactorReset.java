package org.aftercare.account;

import java.util.UUID;

/**
 * An admin reset a staff member's two-factor authentication (a lost phone); the member is
 * told by e-mail. {@code enrolAgain}: their clinic requires it, so they set it up again
 * at their next login.
 */
public record TwoFactorReset(UUID clinicId, UUID accountId, String email, String displayName, boolean enrolAgain) {

	@Override
	public String toString() {
		return "TwoFactorReset[" + this.accountId + "]";
	}

}
