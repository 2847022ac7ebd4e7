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
 * In JSON (stored event publications, the patient's data export) and in text (links,
 * logs, CSV) it is the bare UUID, as the plain UUID was before the type existed.
 */
public record ClinicId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public ClinicId {
		Objects.requireNonNull(value, "value");
	}

	/** {@code null} for {@code null}: for a column or field that may be empty. */
	public static ClinicId ofNullable(UUID value) {
		return (value != null) ? new ClinicId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
