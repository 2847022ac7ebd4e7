package org.aftercare.report;

import java.util.Map;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * What another module shows on the patient's recovery page ({@code GET /me}), such as the
 * clinic's open requests for an update: the report module knows nothing of flags. Each
 * one is asked inside the page's own transaction, so that the page reads everything in
 * one (a second transaction of its own was 8% of the page).
 */
public interface RecoveryPageAdditions {

	/** This module's attributes of the patient's page, by the names its template uses. */
	Map<String, ?> attributesFor(ClinicId clinicId, PatientId patientId);

}
