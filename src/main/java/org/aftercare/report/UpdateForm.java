package org.aftercare.report;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

import static org.aftercare.report.EntryForm.LOCAL_INPUT;
import static org.aftercare.report.EntryForm.LOCAL_INPUT_SECONDS;

/**
 * An update to an earlier entry: how bad it is now, and whether it is still going on. A
 * headache asks its red-flag questions again, since they can appear later.
 */
record UpdateForm(@NotNull UUID formToken, @NotNull @Min(0) @Max(10) Integer severity, @NotNull Boolean ongoing,
		@DateTimeFormat(pattern = LOCAL_INPUT, fallbackPatterns = LOCAL_INPUT_SECONDS) LocalDateTime stoppedAt,
		Boolean suddenWorstEver, Boolean feverOrStiffNeck, Boolean neurologicalSigns) {

	static UpdateForm blank(UUID formToken) {
		return new UpdateForm(formToken, null, Boolean.TRUE, null, null, null, null);
	}

}
