package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A new password, typed twice. Any characters; length is what makes it strong. The rest
 * of the rules are {@link PasswordPolicy}'s, which needs to know whose password it is.
 */
record PasswordForm(@NotBlank String password, String confirmation) {
}
