package org.aftercare.account;

import org.aftercare.security.ClinicId;

/**
 * An admin reset a staff member's two-factor authentication (a lost phone); the member is
 * told by e-mail. {@code enrolAgain}: their clinic requires it, so they set it up again
 * at their next login.
 */
public record TwoFactorReset(ClinicId clinicId, AccountId accountId, String email, String displayName,
		boolean enrolAgain) {

	@Override
	public String toString() {
		return "TwoFactorReset[" + this.accountId + "]";
	}

}
