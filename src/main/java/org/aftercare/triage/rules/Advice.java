package org.aftercare.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the patient is told the moment they submit (CLINICAL.md section 4), as message
 * keys: it depends on the findings alone, so it can be shown even when the clinic's alert
 * fails.
 *
 * @param level the advice level: the highest finding's priority, or ROUTINE without
 * findings
 * @param mayHaveOtherCause whether to add that the headache may have a cause other than
 * the treatment (R3)
 */
public record Advice(Level level, boolean mayHaveOtherCause) {

	/** Message key of R3's note. */
	public static final String OTHER_CAUSE_KEY = "advice.r3.otherCause";

	public Advice {
		Objects.requireNonNull(level, "level");
	}

	/** Advice levels, lowest first. */
	public enum Level {

		ROUTINE("advice.routine"), MEDIUM("advice.medium"), HIGH("advice.high"), EMERGENCY("advice.emergency");

		private final String messageKey;

		Level(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

		public static Level of(Priority priority) {
			return valueOf(priority.name());
		}

	}

	public static Advice of(List<Finding> findings) {
		Level level = findings.stream()
			.map(Finding::priority)
			.max(Enum::compareTo)
			.map(Level::of)
			.orElse(Level.ROUTINE);
		boolean otherCause = findings.stream().anyMatch(Finding::mayHaveOtherCause);
		return new Advice(level, otherCause);
	}

	/**
	 * The keys to show, in order: the level's advice first, then R3's note when it
	 * applies.
	 */
	public List<String> messageKeys() {
		List<String> keys = new ArrayList<>();
		keys.add(level.messageKey());
		if (mayHaveOtherCause) {
			keys.add(OTHER_CAUSE_KEY);
		}
		return List.copyOf(keys);
	}
}
