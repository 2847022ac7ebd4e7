package org.aftercare.treatment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * One row of the treatment form: an area and the units given there (empty when not
 * treated).
 */
record AreaRow(Area area, @DecimalMin(value = "0",
		inclusive = false) @DecimalMax(TreatmentForm.MAX_UNITS) @Digits(integer = 3, fraction = 1) BigDecimal units) {

	boolean treated() {
		return this.area != null && this.units != null;
	}

}
