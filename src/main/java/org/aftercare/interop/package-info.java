/**
 * Interoperability: the clinic's read-only FHIR R4 API for API clients, the clients
 * themselves (admin page, bearer tokens), and the regulator report drafts (MedWatch 3500,
 * Yellow Card) prepared from a flag. Reads other modules' data through their services
 * only.
 */
package org.aftercare.interop;
