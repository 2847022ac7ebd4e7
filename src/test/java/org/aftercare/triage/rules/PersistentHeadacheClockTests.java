package org.aftercare.triage.rules;

import static org.aftercare.triage.rules.Fixtures.HYPERTENSION;
import static org.aftercare.triage.rules.Fixtures.NO_RISK;
import static org.aftercare.triage.rules.Fixtures.TREATED_AT;
import static org.aftercare.triage.rules.Fixtures.afterTreatment;
import static org.aftercare.triage.rules.Fixtures.days;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.aftercare.report.Confounder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R6 on the clock: an ongoing headache, the R6 priority already flagged in its episode,
 * and now. The headache starts 5 h after the treatment and was reported going on 1 h
 * later.
 */
class PersistentHeadacheClockTests {

	private static final Duration START = hours(5);

	private static final TreatmentFacts TREATMENT = new TreatmentFacts(TREATED_AT, false, "Botox Cosmetic");

	/** A clinic that waits 4 days (MEDIUM) and 10 days (HIGH). */
	private static final RuleSettings FOUR_AND_TEN_DAYS = persistentAfter(days(4), days(10));

	static Stream<Arguments> clinicThreshold() {
		return Stream.of(Arguments.of(days(4).minus(minutes(1)), null), Arguments.of(days(4), null),
				Arguments.of(days(4).plus(minutes(1)), Priority.MEDIUM), Arguments.of(days(10), Priority.MEDIUM),
				Arguments.of(days(10).plus(minutes(1)), Priority.HIGH));
	}

	@ParameterizedTest(name = "R6 clinic threshold 4 d / 10 d, headache going on for {0}, nothing flagged -> {1}")
	@MethodSource("clinicThreshold")
	void raisesOnlyOnceTheHeadacheLastsLongerThanTheClinicsThreshold(Duration lasted, Priority expected) {
		PersistentHeadacheClock.Verdict verdict = check(NO_RISK, FOUR_AND_TEN_DAYS, null, lasted);

		assertThat(verdict.raise().map(Finding::priority).orElse(null)).isEqualTo(expected);
		verdict.raise().ifPresent((finding) -> assertThat(finding.rule()).isEqualTo(RuleCode.R6_PERSISTENT_HEADACHE));
	}

	static Stream<Arguments> alreadyFlagged() {
		return Stream.of(
				// MEDIUM -> HIGH at the default 7 days: the flag goes up only past it.
				Arguments.of(NO_RISK, Priority.MEDIUM, days(7), null, false),
				Arguments.of(NO_RISK, Priority.MEDIUM, days(7).plus(minutes(1)), Priority.HIGH, true),
				// Fire once: flagged at the same or a higher level, nothing new.
				Arguments.of(NO_RISK, Priority.MEDIUM, days(4), null, false),
				Arguments.of(NO_RISK, Priority.HIGH, days(4), null, true),
				Arguments.of(NO_RISK, Priority.HIGH, days(8), null, true),
				Arguments.of(NO_RISK, Priority.EMERGENCY, days(8), null, true),
				// R11 (hypertension): one level up, so HIGH is not yet as high as R6
				// goes.
				Arguments.of(HYPERTENSION, null, days(4), Priority.HIGH, false),
				Arguments.of(HYPERTENSION, Priority.HIGH, days(4), null, false),
				Arguments.of(HYPERTENSION, Priority.HIGH, days(7).plus(minutes(1)), Priority.EMERGENCY, true),
				Arguments.of(HYPERTENSION, Priority.EMERGENCY, days(8), null, true));
	}

	@ParameterizedTest(name = "R6/R11 {0}, flagged {1}, headache going on for {2} -> raise {3}, settled {4}")
	@MethodSource("alreadyFlagged")
	void raisesAboveWhatIsFlaggedAndSettlesOnceNothingHigherCanCome(PatientFacts patient, Priority flagged,
			Duration lasted, Priority raise, boolean settled) {
		PersistentHeadacheClock.Verdict verdict = check(patient, RuleSettings.defaults(), flagged, lasted);

		assertThat(verdict.raise().map(Finding::priority).orElse(null)).as("raise").isEqualTo(raise);
		assertThat(verdict.settled()).as("settled").isEqualTo(settled);
	}

	@Test
	void aHeadacheNotYetPersistentIsNeitherRaisedNorSettledWhateverIsFlagged() {
		// R6: a HIGH flag from the report itself (R4, say) settles nothing until the
		// clock has something to say of this headache.
		PersistentHeadacheClock.Verdict verdict = check(NO_RISK, RuleSettings.defaults(), Priority.HIGH, days(3));

		assertThat(verdict.raise()).isEmpty();
		assertThat(verdict.settled()).isFalse();
	}

	@Test
	void aHeadacheThatStoppedIsLeftToTheReportThatSaidSo() {
		EntryFacts stopped = headache(3).startedAfter(START)
			.stoppedAfter(START.plus(days(9)))
			.build(afterTreatment(START.plus(days(10))));

		PersistentHeadacheClock.Verdict verdict = PersistentHeadacheClock.check(stopped, Set.of(), NO_RISK, TREATMENT,
				RuleSettings.defaults(), null, afterTreatment(START.plus(days(20))));

		assertThat(verdict.raise()).isEmpty();
		assertThat(verdict.settled()).isFalse();
	}

	@Test
	void theRaiseCarriesTheLastReportsOtherCausesAndR11sReason() {
		// Confounders never lower a flag: shown beside it; R11 names its factor.
		EntryFacts ongoing = headache(3).startedAfter(START).build(afterTreatment(START.plus(hours(1))));

		Finding finding = PersistentHeadacheClock
			.check(ongoing, Set.of(Confounder.STRESS), HYPERTENSION, TREATMENT, RuleSettings.defaults(), null,
					afterTreatment(START.plus(days(4))))
			.raise()
			.orElseThrow();

		assertThat(finding.priority()).isEqualTo(Priority.HIGH);
		assertThat(finding.basePriority()).isEqualTo(Priority.MEDIUM);
		assertThat(finding.otherPossibleCauses()).anyMatch((cause) -> cause.contains("stress"));
		assertThat(finding.evidence()).contains("R11").contains("hypertension");
	}

	private static PersistentHeadacheClock.Verdict check(PatientFacts patient, RuleSettings settings, Priority flagged,
			Duration lasted) {
		EntryFacts ongoing = headache(3).startedAfter(START).build(afterTreatment(START.plus(hours(1))));
		Instant now = afterTreatment(START.plus(lasted));
		return PersistentHeadacheClock.check(ongoing, Set.of(), patient, TREATMENT, settings, flagged, now);
	}

	private static RuleSettings persistentAfter(Duration medium, Duration high) {
		RuleSettings defaults = RuleSettings.defaults();
		return new RuleSettings(defaults.severeSeverity(), defaults.severeInterference(),
				defaults.moderateHeadacheMin(), defaults.moderateHeadacheMax(), defaults.moderateInterference(),
				defaults.mildTransientWindow(), medium, high, defaults.worseningPoints(), defaults.lateOnset(),
				defaults.emergencyAcknowledgementTarget(), defaults.highAcknowledgementTarget(),
				defaults.patientUpdateWait());
	}

}
