package org.aftercare.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in Unicode NFC ({@link Passwords}), whichever way they were
 * typed. A hash made before passwords were normalised still matches the exact characters
 * it was made from.
 */
final class NormalisingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	NormalisingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(normalise(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		String normalised = normalise(rawPassword);
		if (this.delegate.matches(normalised, encodedPassword)) {
			return true;
		}
		// Only input that NFC changes costs a second comparison.
		return rawPassword != null && !rawPassword.toString().equals(normalised)
				&& this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private static String normalise(CharSequence rawPassword) {
		return (rawPassword == null) ? null : Passwords.normalise(rawPassword.toString());
	}

}
