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
		@NotBlank @Size(max = 64) String timeZone, @Size(max = 1000) @PlainText String onCallEmails) {

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

	/** The addresses, trimmed and comma-separated. */
	static String addresses(String text) {
		return java.util.Arrays.stream(text.split("[,;\\s]+"))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.collect(java.util.stream.Collectors.joining(","));
	}

	/** Whether every address in the list looks like an e-mail address. */
	boolean onCallEmailsValid() {
		if (this.onCallEmails == null || this.onCallEmails.isBlank()) {
			return true;
		}
		return java.util.Arrays.stream(addresses(this.onCallEmails).split(","))
			.allMatch((a) -> EMAIL.matcher(a).matches());
	}

}
