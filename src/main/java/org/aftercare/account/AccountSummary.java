package org.aftercare.account;

import java.util.UUID;

import org.aftercare.security.Role;

/** A staff member or patient as other modules see them. */
public record AccountSummary(UUID id, UUID clinicId, String email, String displayName, Role role) {
}
