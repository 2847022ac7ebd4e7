package org.aftercare.clinic;

import java.util.UUID;

/** What the rest of the app needs to know of a clinic. */
public record ClinicSummary(UUID id, String name, String phone, String emergencyNumber, String timeZone) {
}
