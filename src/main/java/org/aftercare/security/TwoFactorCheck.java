package org.aftercare.security;

/**
 * Decides, after a correct password, whether the user must still prove a second factor
 * (they enrolled) or enrol one first (their clinic requires it). Implemented by the
 * account module.
 */
public interface TwoFactorCheck {

	SecondStep afterPassword(CurrentUser user);

	enum SecondStep {

		NONE, VERIFY, ENROL

	}

}
