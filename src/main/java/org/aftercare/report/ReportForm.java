package org.aftercare.report;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * What the patient typed on the report form. Times are local to the clinic's time zone.
 */
record ReportForm(@NotNull UUID formToken, @NotNull Symptom symptom,
		@Size(max = 200) @PlainText String otherDescription, @NotNull @Min(0) @Max(10) Integer severity,
		@NotNull LocalDateTime startedAt, @NotNull Boolean ongoing, LocalDateTime stoppedAt,
		@Size(max = 2000) @PlainText(multiline = true) String notes) {

	static ReportForm blank(UUID formToken, LocalDateTime now) {
		return new ReportForm(formToken, null, null, null, now, Boolean.TRUE, null, null);
	}

	String trimmedNotes() {
		return blankToNull(this.notes);
	}

	String trimmedOtherDescription() {
		return blankToNull(this.otherDescription);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
