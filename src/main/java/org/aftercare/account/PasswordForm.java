package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password, typed twice. Any characters; length is what makes it strong.
 */
record PasswordForm(@NotBlank @Size(min = 12, max = 128) String password, String confirmation) {
}
