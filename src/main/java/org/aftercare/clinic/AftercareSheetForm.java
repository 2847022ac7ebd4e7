package org.aftercare.clinic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The admin's form for the clinic's aftercare sheet: plain text, line breaks kept.
 */
record AftercareSheetForm(@NotBlank @Size(max = 8000) @PlainText(multiline = true) String text) {

	/** The text as stored: Windows line breaks from the browser become plain ones. */
	String normalized() {
		return this.text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

}
