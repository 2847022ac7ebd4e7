package org.aftercare.treatment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The treatment facade: recording treatments and finding a patient's episodes, always
 * within one clinic.
 */
@Service
public class TreatmentService {

	private final TreatmentRepository treatments;

	private final Clock clock;

	TreatmentService(TreatmentRepository treatments, Clock clock) {
		this.treatments = treatments;
		this.clock = clock;
	}

	public record AreaUnits(Area area, BigDecimal units) {
	}

	public record NewTreatment(UUID patientId, Product product, String lotNumber, UUID injectorId, Instant treatedAt,
			Indication indication, boolean intakeReviewed, List<AreaUnits> areas) {
	}

	public record TreatmentSummary(UUID id, UUID clinicId, UUID patientId, Product product, String lotNumber,
			UUID injectorId, Instant treatedAt, Indication indication, List<AreaUnits> areas) {

		public boolean includes(Area area) {
			return this.areas.stream().anyMatch((a) -> a.area() == area);
		}

	}

	@Transactional
	public UUID record(UUID clinicId, NewTreatment treatment) {
		return this.treatments.save(new Treatment(clinicId, treatment, this.clock.instant())).id();
	}

	@Transactional(readOnly = true)
	public Optional<TreatmentSummary> latestFor(UUID clinicId, UUID patientId) {
		return this.treatments.findLatestIds(clinicId, patientId, Limit.of(1))
			.stream()
			.findFirst()
			.flatMap((id) -> this.treatments.findByIdAndClinicId(id, clinicId))
			.map(Treatment::summary);
	}

	@Transactional(readOnly = true)
	public Optional<TreatmentSummary> find(UUID clinicId, UUID treatmentId) {
		return this.treatments.findByIdAndClinicId(treatmentId, clinicId).map(Treatment::summary);
	}

}
