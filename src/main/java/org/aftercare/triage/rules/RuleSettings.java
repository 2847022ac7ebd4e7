package org.aftercare.triage.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A clinic's thresholds: every "default" figure of CLINICAL.md section 3.
 *
 * @param severeSeverity R4: severity at or above this is severe (default 7 of 10)
 * @param severeInterference R4: interference at or above this is severe (default 3 of 4,
 * CTCAE grade 3)
 * @param moderateHeadacheMin R5: lowest moderate headache severity (default 4)
 * @param moderateHeadacheMax R5: highest moderate headache severity (default 6)
 * @param moderateInterference R5: moderate interference, up to but below
 * {@code severeInterference} (default 2)
 * @param mildTransientWindow R5: a moderate headache over within this is recorded, not
 * flagged (default 3 days)
 * @param persistentHeadacheMedium R6: a headache lasting longer than this is MEDIUM
 * (default 3 days)
 * @param persistentHeadacheHigh R6: a headache lasting longer than this is HIGH (default
 * 7 days)
 * @param worseningPoints R7: a severity rise of at least this many points is worsening
 * (default 2)
 * @param lateOnset R8: a headache starting later than this after treatment is late
 * (default 72 h)
 * @param emergencyAcknowledgementTarget R13: an EMERGENCY flag must be acknowledged
 * within this (default 15 min)
 * @param highAcknowledgementTarget R13: a HIGH flag must be acknowledged within this
 * (default 4 h)
 * @param patientUpdateWait R13: the patient should update within this after a follow-up
 * request (default 48 h)
 */
public record RuleSettings(int severeSeverity, int severeInterference, int moderateHeadacheMin, int moderateHeadacheMax,
		int moderateInterference, Duration mildTransientWindow, Duration persistentHeadacheMedium,
		Duration persistentHeadacheHigh, int worseningPoints, Duration lateOnset,
		Duration emergencyAcknowledgementTarget, Duration highAcknowledgementTarget, Duration patientUpdateWait) {

	public RuleSettings {
		requireBetween("severeSeverity", severeSeverity, 1, 10);
		requireBetween("severeInterference", severeInterference, 1, 4);
		requireBetween("moderateHeadacheMin", moderateHeadacheMin, 1, 10);
		requireBetween("moderateHeadacheMax", moderateHeadacheMax, moderateHeadacheMin, 10);
		requireBetween("moderateInterference", moderateInterference, 1, severeInterference - 1);
		requirePositive("mildTransientWindow", mildTransientWindow);
		requirePositive("persistentHeadacheMedium", persistentHeadacheMedium);
		requirePositive("persistentHeadacheHigh", persistentHeadacheHigh);
		if (persistentHeadacheHigh.compareTo(persistentHeadacheMedium) < 0) {
			throw new IllegalArgumentException(
					"persistentHeadacheHigh must not be shorter than persistentHeadacheMedium");
		}
		requireBetween("worseningPoints", worseningPoints, 1, 10);
		requirePositive("lateOnset", lateOnset);
		requirePositive("emergencyAcknowledgementTarget", emergencyAcknowledgementTarget);
		requirePositive("highAcknowledgementTarget", highAcknowledgementTarget);
		if (highAcknowledgementTarget.compareTo(emergencyAcknowledgementTarget) < 0) {
			throw new IllegalArgumentException(
					"highAcknowledgementTarget must not be shorter than emergencyAcknowledgementTarget");
		}
		requirePositive("patientUpdateWait", patientUpdateWait);
	}

	/** The defaults of CLINICAL.md section 3. */
	public static RuleSettings defaults() {
		return new RuleSettings(7, 3, 4, 6, 2, Duration.ofDays(3), Duration.ofDays(3), Duration.ofDays(7), 2,
				Duration.ofHours(72), Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofHours(48));
	}

	/** The R13 acknowledgement target for a priority; MEDIUM flags have none. */
	public Optional<Duration> acknowledgementTarget(Priority priority) {
		return switch (priority) {
			case EMERGENCY -> Optional.of(emergencyAcknowledgementTarget);
			case HIGH -> Optional.of(highAcknowledgementTarget);
			case MEDIUM -> Optional.empty();
		};
	}

	private static void requireBetween(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + value);
		}
	}

	private static void requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}
}
