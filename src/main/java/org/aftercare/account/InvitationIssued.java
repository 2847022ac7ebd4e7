package org.aftercare.account;

import java.time.Instant;
import java.util.UUID;

import org.aftercare.security.ClinicId;

/**
 * A one-time invitation link must be e-mailed. It carries the raw token, the only place
 * it exists besides the e-mail: the database keeps a hash, and the event publication is
 * deleted once the mail is sent. {@code patientId} is null for staff.
 */
public record InvitationIssued(ClinicId clinicId, AccountId accountId, String email, String displayName, String token,
		Instant expiresAt, boolean staff, UUID patientId) {

	@Override
	public String toString() {
		return "InvitationIssued[" + this.accountId + "]";
	}

}
