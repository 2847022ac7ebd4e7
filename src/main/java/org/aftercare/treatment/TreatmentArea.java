package org.aftercare.treatment;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aftercare.web.Ids;

/**
 * One treated area of a treatment and the units injected there.
 */
@Entity
@Table(name = "treatment_area")
class TreatmentArea {

	@Id
	private UUID id;

	@Column(name = "clinic_id", nullable = false, updatable = false)
	private UUID clinicId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Area area;

	@Column(nullable = false, precision = 6, scale = 1)
	private BigDecimal units;

	protected TreatmentArea() {
	}

	TreatmentArea(UUID clinicId, Area area, BigDecimal units) {
		this.id = Ids.next();
		this.clinicId = clinicId;
		this.area = area;
		this.units = units;
	}

	AreaUnits toAreaUnits() {
		return new AreaUnits(this.area, this.units);
	}

}
