package org.aftercare.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.aftercare.account.AccountId;
import org.aftercare.patient.PatientId;
import org.aftercare.security.ClinicId;

/** A recorded treatment as other modules see it: the start of its episode. */
public record TreatmentSummary(TreatmentId id, ClinicId clinicId, PatientId patientId, Product product,
		String lotNumber, AccountId injectorId, Instant treatedAt, Indication indication, List<AreaUnits> areas,
		Instant aftercareConfirmedAt) {

	public boolean includes(Area area) {
		return this.areas.stream().anyMatch((a) -> a.area() == area);
	}

	public BigDecimal totalUnits() {
		return this.areas.stream().map(AreaUnits::units).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
