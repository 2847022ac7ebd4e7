package org.aftercare.clinic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The admin's form for how patients reach the clinic and where it is. A check-in link's
 * hours left out keep the clinic's current value.
 */
record ClinicForm(@NotBlank @Size(max = 120) @PlainText String name,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[+0-9 ()\\-]{3,40}") String phone,
		@NotBlank @Size(max = 20) @Pattern(regexp = "[0-9]{2,6}") String emergencyNumber,
		@NotBlank @Size(max = 64) String timeZone, @Size(max = 1000) @PlainText String onCallEmails,
		@Size(max = 100) @PlainText String checkIns, @Min(1) @Max(336) Integer checkInLinkHours) {

	/**
	 * Check-in times the admin types: hours or days after the treatment, e.g. "2h, 1d,
	 * 3d, 7d, 14d".
	 */
	private static final java.util.regex.Pattern CHECK_IN = java.util.regex.Pattern.compile("(\\d{1,3})\\s*([hd])");

	/**
	 * The check-in times, earliest first, or empty when they are not 1 to 10 distinct
	 * times between 1 hour and 12 weeks (the length of an episode).
	 */
	java.util.Optional<java.util.List<java.time.Duration>> parsedCheckIns() {
		if (this.checkIns == null) {
			return java.util.Optional.empty();
		}
		java.util.TreeSet<java.time.Duration> times = new java.util.TreeSet<>();
		for (String part : this.checkIns.toLowerCase(java.util.Locale.ROOT).split("[,;\\s]+(?=\\d)|,")) {
			if (part.isBlank()) {
				continue;
			}
			java.util.regex.Matcher m = CHECK_IN.matcher(part.strip());
			if (!m.matches()) {
				return java.util.Optional.empty();
			}
			long n = Long.parseLong(m.group(1));
			java.time.Duration d = "h".equals(m.group(2)) ? java.time.Duration.ofHours(n)
					: java.time.Duration.ofDays(n);
			if (d.compareTo(java.time.Duration.ofHours(1)) < 0 || d.compareTo(java.time.Duration.ofDays(84)) > 0) {
				return java.util.Optional.empty();
			}
			times.add(d);
		}
		return (times.isEmpty() || times.size() > 10) ? java.util.Optional.empty()
				: java.util.Optional.of(java.util.List.copyOf(times));
	}

	/** The change a valid form asks for. */
	ClinicSettingsChange change() {
		String addresses = (this.onCallEmails == null || this.onCallEmails.isBlank()) ? null
				: addresses(this.onCallEmails);
		return new ClinicSettingsChange(this.name.strip(), this.phone.strip(), this.emergencyNumber.strip(),
				this.timeZone, addresses, parsedCheckIns().orElse(null), this.checkInLinkHours);
	}

	/** The way an admin reads and types check-in times. */
	static String describe(java.util.List<java.time.Duration> offsets) {
		return offsets.stream()
			.map((d) -> (d.toHours() % 24 == 0) ? d.toDays() + "d" : d.toHours() + "h")
			.collect(java.util.stream.Collectors.joining(", "));
	}

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
