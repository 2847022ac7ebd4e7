package org.aftercare.account;

import java.util.UUID;

import org.aftercare.security.Role;

/** A staff member as the admin's page lists them. */
record StaffMember(UUID id, String email, String displayName, Role role, boolean enabled, boolean activated) {
}
