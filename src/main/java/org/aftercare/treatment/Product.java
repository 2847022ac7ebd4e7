package org.aftercare.treatment;

/**
 * Botulinum toxin products by generic name (brand in the message bundle).
 */
public enum Product {

	ONABOTULINUMTOXINA, ABOBOTULINUMTOXINA, INCOBOTULINUMTOXINA, PRABOTULINUMTOXINA, DAXIBOTULINUMTOXINA,
	LETIBOTULINUMTOXINA, OTHER

}
