package org.aftercare.treatment;

/**
 * Treated areas. {@link #BUNNY_LINES} is the nose: headaches after it are more frequent
 * (CLINICAL.md R11).
 */
public enum Area {

	GLABELLAR_LINES, FOREHEAD, CROWS_FEET, BUNNY_LINES, MASSETER, PLATYSMA, CHIN, LIP, OTHER

}
