package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;

/** A signed-in user's new password, with the current one to prove it is them. */
record ChangePasswordForm(@NotBlank String current, @NotBlank String password, String confirmation) {
}
