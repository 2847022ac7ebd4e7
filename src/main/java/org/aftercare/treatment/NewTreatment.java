package org.aftercare.treatment;

import java.time.Instant;
import java.util.List;

import org.aftercare.account.AccountId;
import org.aftercare.patient.PatientId;

/** A treatment to record, with its areas and units. */
public record NewTreatment(PatientId patientId, Product product, String lotNumber, AccountId injectorId,
		Instant treatedAt, Indication indication, boolean intakeReviewed, List<AreaUnits> areas) {
}
