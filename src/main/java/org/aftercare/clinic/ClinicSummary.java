package org.aftercare.clinic;

import org.aftercare.security.ClinicId;

/** What the rest of the app needs to know of a clinic. */
public record ClinicSummary(ClinicId id, String name, String phone, String emergencyNumber, String timeZone) {
}
