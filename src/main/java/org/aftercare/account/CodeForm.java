package org.aftercare.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from an authenticator app, or a recovery code. */
record CodeForm(@NotBlank @Size(max = 40) String code) {
}
