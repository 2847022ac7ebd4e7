package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

import org.aftercare.security.ClinicId;
import org.aftercare.web.Languages;

/**
 * A one-time invitation link must be e-mailed. It carries the raw token, the only place
 * it exists besides the e-mail: the database keeps a hash, and the event publication is
 * deleted once the mail is sent. {@code patientId} is null for staff; {@code language} is
 * the tag of the language the e-mail is written in.
 */
public record InvitationIssued(ClinicId clinicId, AccountId accountId, String email, String displayName, String token,
		Instant expiresAt, boolean staff, UUID patientId, String language) {

	/**
	 * An event stored before the language was part of it has none: its e-mail goes out in
	 * English, as every e-mail did then.
	 */
	public InvitationIssued {
		if (language == null) {
			language = Languages.DEFAULT.toLanguageTag();
		}
	}

	@Override
	public String toString() {
		return "InvitationIssued[" + this.accountId + "]";
	}

}
