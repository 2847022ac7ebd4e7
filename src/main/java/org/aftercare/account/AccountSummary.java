package org.aftercare.account;

import org.aftercare.security.ClinicId;
import org.aftercare.security.Role;

/** A staff member or patient as other modules see them. */
public record AccountSummary(AccountId id, ClinicId clinicId, String email, String displayName, Role role) {
}
