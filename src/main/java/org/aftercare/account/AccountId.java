package org.aftercare.account;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A login's id (a row of {@code user_account}): a patient's or a staff member's.
 * <p>
 * In JSON (stored event publications, the patient's data export) and in text (links,
 * logs, CSV) it is the bare UUID, as the plain UUID was before the type existed.
 */
public record AccountId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	/** {@code null} for {@code null}: for a column or field that may be empty. */
	public static AccountId ofNullable(UUID value) {
		return (value != null) ? new AccountId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
