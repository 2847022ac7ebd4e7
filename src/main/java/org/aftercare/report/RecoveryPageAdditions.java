package org.aftercare.report;

import java.util.UUID;

import org.springframework.ui.Model;

/**
 * What another module shows on the patient's recovery page ({@code GET /me}), such as the
 * clinic's open requests for an update: the report module knows nothing of flags. Each
 * one is asked inside the page's own transaction, so that the page reads everything in
 * one (a second transaction of its own was 8% of the page).
 */
public interface RecoveryPageAdditions {

	/** Adds this module's model attributes for the patient's page. */
	void addTo(Model model, UUID clinicId, UUID patientId);

}
