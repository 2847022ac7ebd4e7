package org.aftercare.account;

import org.aftercare.security.Role;

/** A clinician or admin to invite: their e-mail address, name and role, trimmed. */
record NewStaffMember(String email, String displayName, Role role) {
}
