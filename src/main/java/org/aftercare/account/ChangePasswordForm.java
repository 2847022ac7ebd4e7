package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;

import org.aftercare.security.Passwords;

/**
 * A signed-in user's new password, with the current one to prove it is them. All three in
 * Unicode NFC, so that the two typings of the new one compare equal however they were
 * typed.
 */
record ChangePasswordForm(@NotBlank String current, @NotBlank String password, String confirmation) {

	ChangePasswordForm {
		current = Passwords.normalise(current);
		password = Passwords.normalise(password);
		confirmation = Passwords.normalise(confirmation);
	}

}
