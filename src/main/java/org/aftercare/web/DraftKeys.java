package org.aftercare.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.aftercare.security.CurrentUser;

/**
 * The name under which a signed-in user's report draft is kept on their device: the same
 * for one account on every visit (so a draft comes back after signing in again), another
 * for every other account (so nobody else signing in on the phone finds it), and neither
 * the e-mail nor an id of ours (an HMAC of the account id under the app's secret key).
 */
@Component
public class DraftKeys {

	private static final String PURPOSE = "aftercare report draft on a device:";

	private final SecretKeySpec key;

	DraftKeys(@Value("${aftercare.secrets.key}") String secretsKey) {
		this.key = new SecretKeySpec(Base64.getDecoder().decode(secretsKey.strip()), "HmacSHA256");
	}

	public String of(CurrentUser user) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((PURPOSE + user.accountId()).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
