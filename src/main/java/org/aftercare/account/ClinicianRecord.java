package org.aftercare.account;

import java.time.Instant;

/**
 * A clinician as the clinic's exports see them (the FHIR API's Practitioner): no e-mail
 * address, which nothing there needs.
 */
public record ClinicianRecord(AccountId id, String displayName, boolean enabled, Instant recordedAt) {
}
