package org.aftercare.report;

import java.time.Duration;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;
import org.aftercare.treatment.CheckInId;

/**
 * A patient asked for a new link to the check-in open now; the e-mail carries a new one.
 */
public record CheckInLinkRequested(ClinicId clinicId, PatientId patientId, CheckInId checkInId, Duration offset) {

}
