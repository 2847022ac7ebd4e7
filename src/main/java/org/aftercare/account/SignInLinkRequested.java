package org.aftercare.account;

import java.time.Instant;

import org.aftercare.security.ClinicId;
import org.aftercare.web.Languages;

/**
 * A patient asked for a sign-in link. It carries the raw token, the only place it exists
 * besides the e-mail: the database keeps a hash, and the event publication is deleted
 * once the mail is sent. {@code language} is the tag of the language the e-mail is
 * written in (English for staff).
 */
public record SignInLinkRequested(ClinicId clinicId, AccountId accountId, String email, String displayName,
		String token, Instant expiresAt, String language) {

	/**
	 * An event stored before the language was part of it has none: its e-mail goes out in
	 * English, as every e-mail did then.
	 */
	public SignInLinkRequested {
		if (language == null) {
			language = Languages.DEFAULT.toLanguageTag();
		}
	}

	@Override
	public String toString() {
		return "SignInLinkRequested[" + this.accountId + "]";
	}

}
