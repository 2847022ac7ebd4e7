package org.aftercare.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the app must read back (TOTP seeds) with AES-256-GCM under a key from the
 * environment ({@code AFTERCARE_SECRETS_KEY}, 32 bytes in Base64), so a copy of the
 * database alone does not give away anyone's second factor.
 */
@Component
class SecretBox {

	private static final String PREFIX = "v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(@Value("${aftercare.secrets.key}") String base64Key) {
		byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
		if (bytes.length != 32) {
			throw new IllegalStateException("aftercare.secrets.key must be 32 bytes in Base64 (AES-256)");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	String seal(String secret) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not seal a secret", ex);
		}
	}

	String open(String sealed) {
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not open a sealed secret (wrong key?)", ex);
		}
	}

}
