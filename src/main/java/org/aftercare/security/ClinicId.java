package org.aftercare.security;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A clinic's id: the tenant every query and every row-level security policy is scoped by.
 * It lives in {@code security}, not in {@code clinic}: the signed-in user and the scope
 * of each transaction carry it, and {@code clinic} itself depends on {@code security}.
 * <p>
 * It is the bare UUID in JSON and in text (links, logs, CSV): event publications stored
 * with plain UUIDs still read, and the patient's data export keeps its shape.
 */
public record ClinicId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public ClinicId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
