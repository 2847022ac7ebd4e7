package org.aftercare.report;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.aftercare.web.PlainText;

import static org.aftercare.report.EntryForm.LOCAL_INPUT;
import static org.aftercare.report.EntryForm.LOCAL_INPUT_SECONDS;

/**
 * One symptom's answers on the report form. Whether an answer is required depends on
 * whether the symptom is chosen (and which it is), so the controller checks presence; the
 * constraints here check what was given.
 */
record EntryForm(Symptom symptom, Boolean chosen, @Size(max = 200) @PlainText String otherDescription,
		@Min(0) @Max(10) Integer severity, @Min(0) @Max(4) Integer interference,
		@DateTimeFormat(pattern = LOCAL_INPUT, fallbackPatterns = LOCAL_INPUT_SECONDS) LocalDateTime startedAt,
		Boolean ongoing,
		@DateTimeFormat(pattern = LOCAL_INPUT, fallbackPatterns = LOCAL_INPUT_SECONDS) LocalDateTime stoppedAt,
		Boolean suddenWorstEver, Boolean feverOrStiffNeck, Boolean neurologicalSigns) {

	/** What an {@code <input type="datetime-local">} holds and sends. */
	static final String LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm";

	static final String LOCAL_INPUT_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

	static EntryForm blank(Symptom symptom, LocalDateTime now) {
		return new EntryForm(symptom, false, null, null, null, now, Boolean.TRUE, null, null, null, null);
	}

	boolean isChosen() {
		return Boolean.TRUE.equals(this.chosen) && this.symptom != null;
	}

	String trimmedOtherDescription() {
		return ReportForm.blankToNull(this.otherDescription);
	}

}
