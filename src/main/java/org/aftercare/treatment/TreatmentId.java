package org.aftercare.treatment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A treatment's id, and so its episode's: every report and flag belongs to one.
 * <p>
 * It is the bare UUID in JSON and in text (links, logs, CSV): event publications stored
 * with plain UUIDs still read, and the patient's data export keeps its shape.
 */
public record TreatmentId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public TreatmentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
