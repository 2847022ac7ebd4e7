package org.aftercare.report;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A symptom report's id.
 * <p>
 * It is the bare UUID in JSON and in text (links, logs, CSV): event publications stored
 * with plain UUIDs still read, and the patient's data export keeps its shape.
 */
public record ReportId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public ReportId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
