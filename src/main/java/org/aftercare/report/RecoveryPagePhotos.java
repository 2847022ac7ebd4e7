package org.aftercare.report;

import java.util.Map;

import org.springframework.stereotype.Component;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * The patient's own photos on their recovery page, read in the page's transaction: one
 * statement of the photos' facts, their bytes come with each thumbnail's request.
 */
@Component
class RecoveryPagePhotos implements RecoveryPageAdditions {

	private final ReportPhotos photos;

	RecoveryPagePhotos(ReportPhotos photos) {
		this.photos = photos;
	}

	@Override
	public Map<String, ?> attributesFor(ClinicId clinicId, PatientId patientId) {
		return Map.of("photos", this.photos.ofPatient(clinicId, patientId));
	}

}
