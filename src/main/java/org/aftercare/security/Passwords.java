package org.aftercare.security;

import java.text.Normalizer;

/**
 * Passwords are compared as Unicode NFC: "é" typed as one code point on one keyboard and
 * as "e" plus a combining accent on another is the same password (NIST SP 800-63B
 * 5.1.1.2).
 */
public final class Passwords {

	private Passwords() {
	}

	/** The password in Unicode normalisation form C; {@code null} stays {@code null}. */
	public static String normalise(String password) {
		return (password == null || Normalizer.isNormalized(password, Normalizer.Form.NFC)) ? password
				: Normalizer.normalize(password, Normalizer.Form.NFC);
	}

}
