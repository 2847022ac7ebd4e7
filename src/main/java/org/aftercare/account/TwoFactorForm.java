package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.aftercare.security.Passwords;

/**
 * A signed-in staff member proves it is them before changing their second factor: their
 * password (in Unicode NFC) and a current code from the authenticator app or a recovery
 * code.
 */
record TwoFactorForm(@NotBlank @Size(max = 1024) String password, @NotBlank @Size(max = 40) String code) {

	TwoFactorForm {
		password = Passwords.normalise(password);
	}

	static TwoFactorForm blank() {
		return new TwoFactorForm(null, null);
	}

}
