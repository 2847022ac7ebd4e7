package org.aftercare.treatment;

import java.time.Duration;
import java.time.Instant;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/** A check-in whose reminder is due, for the reminder job. */
public record DueCheckIn(CheckInId id, ClinicId clinicId, PatientId patientId, TreatmentId treatmentId, Instant dueAt,
		String offsetLabel) {

	/** How long after the treatment it falls due. */
	public Duration offset() {
		return Duration.parse(this.offsetLabel);
	}

}
