package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;

import org.aftercare.security.Passwords;

/**
 * A new password, typed twice, in Unicode NFC. Any characters; length is what makes it
 * strong. The rest of the rules are {@link PasswordPolicy}'s, which needs to know whose
 * password it is.
 */
record PasswordForm(@NotBlank String password, String confirmation) {

	PasswordForm {
		password = Passwords.normalise(password);
		confirmation = Passwords.normalise(confirmation);
	}

}
