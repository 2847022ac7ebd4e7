package org.aftercare.patient;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A patient record's id.
 * <p>
 * In JSON (stored event publications, the patient's data export) and in text (links,
 * logs, CSV) it is the bare UUID, as the plain UUID was before the type existed.
 */
public record PatientId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public PatientId {
		Objects.requireNonNull(value, "value");
	}

	/** {@code null} for {@code null}: for a column or field that may be empty. */
	public static PatientId ofNullable(UUID value) {
		return (value != null) ? new PatientId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
