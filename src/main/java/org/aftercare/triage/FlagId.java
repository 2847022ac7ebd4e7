package org.aftercare.triage;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A flag's id.
 * <p>
 * It is the bare UUID in JSON and in text (links, logs, CSV): event publications stored
 * with plain UUIDs still read, and the patient's data export keeps its shape.
 */
public record FlagId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public FlagId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
