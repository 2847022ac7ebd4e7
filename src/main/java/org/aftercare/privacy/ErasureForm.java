package org.aftercare.privacy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The patient's confirmation that they want their account erased: a ticked box, so that a
 * stray click does not do it.
 */
record ErasureForm(@NotNull @AssertTrue Boolean confirm) {

	static ErasureForm blank() {
		return new ErasureForm(false);
	}

}
