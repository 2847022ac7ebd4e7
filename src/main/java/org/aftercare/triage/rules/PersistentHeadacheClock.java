package org.aftercare.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.aftercare.report.Confounder;
import org.aftercare.report.Symptom;

/**
 * R6 on the clock: a headache the patient last reported as still going on becomes
 * persistent with time alone, with no new report to evaluate. Given the episode's latest
 * headache and the highest R6 priority already flagged in that episode, says whether to
 * raise (or raise further) the R6 flag now, and whether the episode is settled: the same
 * headache still going on at the end of the episode would give no more than is flagged,
 * so only a new report can change anything. R11's raise applies, as on a report; the
 * other rules were weighed when the patient reported.
 */
public final class PersistentHeadacheClock {

	/** An episode: the 12 weeks after a treatment (CLINICAL.md section 2). */
	public static final Duration EPISODE = Duration.ofDays(7 * 12);

	/** R6 with its modifiers (R7 has no history to weigh here, R11 raises). */
	private static final RuleEngine R6 = new RuleEngine(List.of(new PersistentHeadacheRule()));

	private PersistentHeadacheClock() {
	}

	/**
	 * What the clock says of an episode's ongoing headache.
	 *
	 * @param raise the R6 finding to flag now (a new flag, or a rise of the open one);
	 * empty when nothing is due or the episode is already flagged at least as high
	 * @param settled whether the episode, once {@code raise} is applied, is flagged as
	 * high as R6 can ever take this headache
	 */
	public record Verdict(Optional<Finding> raise, boolean settled) {

		static final Verdict NOTHING = new Verdict(Optional.empty(), false);

		public Verdict {
			Objects.requireNonNull(raise, "raise");
		}

	}

	/**
	 * @param latestHeadache the episode's latest headache entry; nothing is due unless it
	 * is still going on
	 * @param otherCauses the other possible causes of the episode's last report, shown
	 * beside the flag
	 * @param flagged the highest priority of the episode's R6 flags, open or resolved
	 * (fire once); {@code null} when there is none
	 */
	public static Verdict check(EntryFacts latestHeadache, Set<Confounder> otherCauses, PatientFacts patient,
			TreatmentFacts treatment, RuleSettings settings, Priority flagged, Instant now) {
		Objects.requireNonNull(latestHeadache, "latestHeadache");
		Objects.requireNonNull(now, "now");
		if (latestHeadache.symptom() != Symptom.HEADACHE || !latestHeadache.ongoing()) {
			return Verdict.NOTHING;
		}
		Optional<Finding> due = finding(latestHeadache, otherCauses, patient, treatment, settings, now);
		if (due.isEmpty()) {
			return Verdict.NOTHING;
		}
		// Fire once: a flag for this episode at this level, open or already resolved by a
		// clinician, is enough; only a longer headache (MEDIUM to HIGH) speaks again.
		Optional<Finding> raise = (flagged == null || flagged.compareTo(due.get().priority()) < 0) ? due
				: Optional.empty();
		Priority flaggedAfter = raise.map(Finding::priority).orElse(flagged);
		Optional<Finding> atTheEnd = finding(latestHeadache, otherCauses, patient, treatment, settings,
				now.plus(EPISODE));
		boolean settled = atTheEnd.isPresent() && flaggedAfter.compareTo(atTheEnd.get().priority()) >= 0;
		return new Verdict(raise, settled);
	}

	private static Optional<Finding> finding(EntryFacts headache, Set<Confounder> otherCauses, PatientFacts patient,
			TreatmentFacts treatment, RuleSettings settings, Instant at) {
		Evaluation evaluation = new Evaluation(new ReportFacts(List.of(headache), otherCauses, false, false, at),
				EpisodeHistory.empty(), patient, treatment, settings, at);
		return R6.evaluate(evaluation).stream().filter((f) -> f.rule() == RuleCode.R6_PERSISTENT_HEADACHE).findFirst();
	}

}
