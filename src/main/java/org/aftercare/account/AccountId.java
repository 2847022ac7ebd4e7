package org.aftercare.account;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A login's id (a row of {@code user_account}): a patient's or a staff member's.
 * <p>
 * It is the bare UUID in JSON and in text (links, logs, CSV): event publications stored
 * with plain UUIDs still read, and the patient's data export keeps its shape.
 */
public record AccountId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
