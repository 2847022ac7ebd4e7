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

	/**
	 * The canonical constructor, written out so that its parameters carry none of the
	 * components' annotations (which stay on the fields and accessors, where validation
	 * and {@code @DateTimeFormat} read them). The JDK parses a constructor's parameter
	 * annotations afresh on every call, and Spring's constructor binding asks for them
	 * several times a parameter: for a form's 24 entries of 11 parameters that was a
	 * large part of a report submit's time.
	 */
	EntryForm(Symptom symptom, Boolean chosen, String otherDescription, Integer severity, Integer interference,
			LocalDateTime startedAt, Boolean ongoing, LocalDateTime stoppedAt, Boolean suddenWorstEver,
			Boolean feverOrStiffNeck, Boolean neurologicalSigns) {
		this.symptom = symptom;
		this.chosen = chosen;
		this.otherDescription = otherDescription;
		this.severity = severity;
		this.interference = interference;
		this.startedAt = startedAt;
		this.ongoing = ongoing;
		this.stoppedAt = stoppedAt;
		this.suddenWorstEver = suddenWorstEver;
		this.feverOrStiffNeck = feverOrStiffNeck;
		this.neurologicalSigns = neurologicalSigns;
	}

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
