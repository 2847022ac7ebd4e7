package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/** One check-in, for its link: whose it is, when it fell due and whether answered. */
public record CheckInState(CheckInId id, ClinicId clinicId, PatientId patientId, TreatmentId treatmentId, Instant dueAt,
		String offsetLabel, Instant answeredAt) {

	/** How long after the treatment it falls due. */
	public Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

}
