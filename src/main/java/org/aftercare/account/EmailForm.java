package org.aftercare.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The e-mail address a password reset link is asked for. */
record EmailForm(@NotBlank @Email @Size(max = 254) String email) {
}
