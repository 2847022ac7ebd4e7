package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One symptom entry of a report, or an update to an earlier entry (a later entry for the
 * same symptom).
 *
 * @param symptom the symptom code
 * @param severity 0-10 at its worst; {@code null} for an update without a new score
 * @param interference PRO-CTCAE interference with usual activities, 0-4; {@code null}
 * when not answered
 * @param startedAt when it started
 * @param ongoing whether it was still going on when reported
 * @param stoppedAt when it stopped; {@code null} while ongoing (and tolerated when
 * unknown, see {@link #duration})
 * @param otherDescription the patient's short description for {@link Symptom#OTHER}, else
 * {@code null}
 * @param suddenWorstEver headache red flag: sudden and worst-ever (meaningful for
 * HEADACHE only)
 * @param feverOrStiffNeck headache red flag: fever or stiff neck (HEADACHE only)
 * @param neurologicalSigns headache red flag: new weakness, numbness, confusion or loss
 * of vision (HEADACHE only)
 * @param reportedAt when the patient submitted this entry
 */
public record EntryFacts(Symptom symptom, Integer severity, Integer interference, Instant startedAt, boolean ongoing,
		Instant stoppedAt, String otherDescription, boolean suddenWorstEver, boolean feverOrStiffNeck,
		boolean neurologicalSigns, Instant reportedAt) {

	public EntryFacts {
		Objects.requireNonNull(symptom, "symptom");
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(reportedAt, "reportedAt");
		if (severity != null && (severity < 0 || severity > 10)) {
			throw new IllegalArgumentException("severity must be 0-10, was " + severity);
		}
		if (interference != null && (interference < 0 || interference > 4)) {
			throw new IllegalArgumentException("interference must be 0-4, was " + interference);
		}
		if (ongoing && stoppedAt != null) {
			throw new IllegalArgumentException("an ongoing symptom has no stop time");
		}
		if (stoppedAt != null && stoppedAt.isBefore(startedAt)) {
			throw new IllegalArgumentException("stoppedAt " + stoppedAt + " is before startedAt " + startedAt);
		}
	}

	/** Whether any of the three headache red-flag answers is "yes". */
	public boolean anyRedFlag() {
		return symptom == Symptom.HEADACHE && (suddenWorstEver || feverOrStiffNeck || neurologicalSigns);
	}

	/**
	 * How long it lasted: until {@code now} while ongoing, else until it stopped. A
	 * stopped entry without a stop time counts until it was reported, the longest it can
	 * have lasted, so a gap in the data never hides a flag.
	 */
	public Duration duration(Instant now) {
		Instant end = ongoing ? now : (stoppedAt != null ? stoppedAt : reportedAt);
		Duration duration = Duration.between(startedAt, end);
		return duration.isNegative() ? Duration.ZERO : duration;
	}
}
