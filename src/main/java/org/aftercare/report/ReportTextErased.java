package org.aftercare.report;

import java.util.List;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/**
 * A patient's own words were erased from their reports; the descriptions of "other"
 * symptoms they had typed are listed so that copies of them (flag evidence) go as well.
 */
public record ReportTextErased(ClinicId clinicId, PatientId patientId, List<String> otherDescriptions) {
}
