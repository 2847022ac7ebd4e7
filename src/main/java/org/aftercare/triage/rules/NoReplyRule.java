package org.aftercare.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * R13: closes the loop on open flags. Not evaluated on a report but by a scheduled job:
 * an open HIGH or EMERGENCY flag not acknowledged within its target time, or an open flag
 * whose follow-up request got no patient update within the wait, is escalated one level
 * and re-alerted. Targets are exact: at the target it is on time, one second after it is
 * late.
 */
public final class NoReplyRule {

	private NoReplyRule() {
	}

	public static Optional<Escalation> check(OpenFlagFacts flag, RuleSettings settings, Instant now) {
		Objects.requireNonNull(flag, "flag");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(now, "now");
		List<String> reasons = new ArrayList<>();
		Optional<Duration> target = settings.acknowledgementTarget(flag.priority());
		if (target.isPresent() && flag.acknowledgedAt() == null) {
			Duration waited = Duration.between(latest(flag.raisedAt(), flag.lastEscalatedAt()), now);
			if (waited.compareTo(target.get()) > 0) {
				reasons.add(flag.priority() + " flag not acknowledged " + Evidence.duration(waited) + " after it was "
						+ (flag.lastEscalatedAt() == null ? "raised" : "last escalated") + " (target "
						+ Evidence.duration(target.get()) + ")");
			}
		}
		if (flag.followUpRequestedAt() != null && !patientUpdatedSince(flag)) {
			Duration waited = Duration.between(latest(flag.followUpRequestedAt(), flag.lastEscalatedAt()), now);
			if (waited.compareTo(settings.patientUpdateWait()) > 0) {
				reasons.add("no patient update " + Evidence.duration(waited) + " after the follow-up request"
						+ (flag.lastEscalatedAt() == null ? "" : " or the last escalation") + " (wait "
						+ Evidence.duration(settings.patientUpdateWait()) + ")");
			}
		}
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Escalation(flag.priority(), flag.priority().raise(), String.join("; ", reasons)));
	}

	/** R13's line on the transparency page. */
	public static String description(RuleSettings settings) {
		return "An open EMERGENCY flag not acknowledged within "
				+ Evidence.duration(settings.emergencyAcknowledgementTarget()) + ", or an open HIGH flag within "
				+ Evidence.duration(settings.highAcknowledgementTarget()) + ", or no patient update "
				+ Evidence.duration(settings.patientUpdateWait()) + " after an open flag's follow-up request: "
				+ "escalate one level (EMERGENCY stays EMERGENCY) and re-alert.";
	}

	private static boolean patientUpdatedSince(OpenFlagFacts flag) {
		return flag.lastPatientUpdateAt() != null && !flag.lastPatientUpdateAt().isBefore(flag.followUpRequestedAt());
	}

	private static Instant latest(Instant first, Instant second) {
		return second == null || first.isAfter(second) ? first : second;
	}

}
