package org.aftercare.clinic;

import java.time.Duration;
import java.util.List;

/**
 * New contact details and settings for a clinic, as the admin's settings page sends them
 * once valid.
 *
 * @param onCallEmails the addresses, comma-separated; {@code null} for none
 * @param checkInOffsets when check-ins fall due, earliest first; {@code null} keeps the
 * clinic's current ones
 * @param checkInLinkHours how long a check-in's link works; {@code null} keeps the
 * clinic's current value
 */
record ClinicSettingsChange(String name, String phone, String emergencyNumber, String timeZone, String onCallEmails,
		List<Duration> checkInOffsets, Integer checkInLinkHours) {
}
