package org.aftercare.interop;

import java.util.UUID;

import org.aftercare.security.ClinicId;

/**
 * Who a FHIR API request is: a client of one clinic, which sets the request's clinic
 * scope and is the actor of its audit rows.
 */
record ApiClientPrincipal(UUID clientId, ClinicId clinicId, String name) {
}
