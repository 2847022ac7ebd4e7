package org.aftercare.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The admin's confirmation that a staff member's second factor is to be reset: a ticked
 * box, so that a stray click does not sign them out.
 */
record TwoFactorResetForm(@NotNull @AssertTrue Boolean confirm) {

	static TwoFactorResetForm blank() {
		return new TwoFactorResetForm(false);
	}

}
