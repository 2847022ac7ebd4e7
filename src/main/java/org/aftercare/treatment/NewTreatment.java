package org.aftercare.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A treatment to record, with its areas and units. */
public record NewTreatment(UUID patientId, Product product, String lotNumber, UUID injectorId, Instant treatedAt,
		Indication indication, boolean intakeReviewed, List<AreaUnits> areas) {
}
