package org.aftercare.report;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/** A report to save; no entries means "no new symptoms". */
public record NewReport(ClinicId clinicId, PatientId patientId, UUID formToken, List<NewEntry> entries,
		Set<Confounder> otherCauses, String medicines, MedicinesHelped medicinesHelped, boolean wentToEmergency,
		boolean admittedToHospital, String notes) {

	/** A report with entries and notes only. */
	public static NewReport of(ClinicId clinicId, PatientId patientId, UUID formToken, List<NewEntry> entries,
			String notes) {
		return new NewReport(clinicId, patientId, formToken, entries, Set.of(), null, null, false, false, notes);
	}

}
