package org.aftercare.clinic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The admin's form for how patients reach the clinic and where it is.
 */
record ClinicForm(@NotBlank @Size(max = 120) @PlainText String name,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[+0-9 ()\\-]{3,40}") String phone,
		@NotBlank @Size(max = 20) @Pattern(regexp = "[0-9]{2,6}") String emergencyNumber,
		@NotBlank @Size(max = 64) String timeZone) {
}
