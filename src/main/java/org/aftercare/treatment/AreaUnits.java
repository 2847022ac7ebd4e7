package org.aftercare.treatment;

import java.math.BigDecimal;

/** The units injected into one treated area. */
public record AreaUnits(Area area, BigDecimal units) {
}
