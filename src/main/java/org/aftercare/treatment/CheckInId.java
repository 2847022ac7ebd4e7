package org.aftercare.treatment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A scheduled check-in's id.
 * <p>
 * In JSON (stored event publications, the patient's data export) and in text (links,
 * logs, CSV) it is the bare UUID, as the plain UUID was before the type existed.
 */
public record CheckInId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public CheckInId {
		Objects.requireNonNull(value, "value");
	}

	/** {@code null} for {@code null}: for a column or field that may be empty. */
	public static CheckInId ofNullable(UUID value) {
		return (value != null) ? new CheckInId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
