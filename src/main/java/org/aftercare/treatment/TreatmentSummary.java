package org.aftercare.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded treatment as other modules see it: the start of its episode. */
public record TreatmentSummary(UUID id, UUID clinicId, UUID patientId, Product product, String lotNumber,
		UUID injectorId, Instant treatedAt, Indication indication, List<AreaUnits> areas,
		Instant aftercareConfirmedAt) {

	public boolean includes(Area area) {
		return this.areas.stream().anyMatch((a) -> a.area() == area);
	}

	public BigDecimal totalUnits() {
		return this.areas.stream().map(AreaUnits::units).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
