package org.aftercare.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.aftercare.security.Role;
import org.aftercare.web.PlainText;

/**
 * A new staff member the admin invites.
 */
record StaffForm(@NotBlank @Size(max = 120) @PlainText String displayName,
		@NotBlank @Size(max = 254) @Email @PlainText String email, @NotNull Role role) {
}
