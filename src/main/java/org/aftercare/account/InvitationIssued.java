package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time invitation link must be e-mailed. It carries the raw token, the only place
 * it exists besides the e-mail: the database keeps a hash, and the event publication is
 * deleted once the mail is sent. {@code patientId} is null for staff; {@code language} is
 * the tag of the language the e-mail is written in.
 */
public record InvitationIssued(UUID clinicId, UUID accountId, String email, String displayName, String token,
		Instant expiresAt, boolean staff, UUID patientId, String language) {

	@Override
	public String toString() {
		return "InvitationIssued[" + this.accountId + "]";
	}

}
