package org.aftercare.triage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * A flag action with an optional note: acknowledge, contact, follow-up request, reopen.
 */
record ActionForm(@NotNull Long version, ContactKind kind, @Size(max = 2000) @PlainText(multiline = true) String note) {

	String trimmedNote() {
		return (this.note == null || this.note.isBlank()) ? null : this.note.strip();
	}

}
