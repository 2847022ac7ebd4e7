package org.aftercare.treatment;

public enum Indication {

	COSMETIC, MEDICAL

}
