package org.aftercare.triage.rules;

import org.aftercare.report.Confounder;
import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.days;
import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.minutes;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LateOnsetHeadacheRuleTests {

	private final Rule rule = new LateOnsetHeadacheRule();

	static Stream<Arguments> onsets() {
		return Stream.of(Arguments.of(hours(-3), false), Arguments.of(hours(2), false), Arguments.of(hours(71), false),
				Arguments.of(hours(72), false), Arguments.of(hours(72).plus(minutes(1)), true),
				Arguments.of(days(10), true));
	}

	@ParameterizedTest(name = "R8 headache starting {0} after treatment -> flagged={1}")
	@MethodSource("onsets")
	void flagsHeadacheStartingMoreThan72HoursAfterTreatmentAsMedium(Duration onset, boolean flagged) {
		List<Finding> findings = report(headache(2).startedAfter(onset)).now(days(12)).evaluateWith(rule);

		if (!flagged) {
			assertThat(findings).isEmpty();
			return;
		}
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R8_LATE_ONSET_HEADACHE);
			assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
		});
	}

	@Test
	void showsThePatientsOtherPossibleCausesBesideALateHeadache() {
		PatientFacts migraine = new PatientFacts(false, true, 4, false, false, false);
		Finding finding = report(headache(5).startedAfter(days(5))).now(days(5).plusHours(3))
			.patient(migraine)
			.confounders(Confounder.POOR_SLEEP, Confounder.STRESS)
			.evaluateWith(rule)
			.get(0);

		assertThat(finding.otherPossibleCauses()).containsExactly("stress", "poor sleep",
				"migraine history, 4 headache days/month baseline");
		assertThat(finding.evidence())
			.isEqualTo("headache 5/10, started 5 days after treatment, ongoing 3 h (later than 72 h)");
	}

	@Test
	void ignoresOtherSymptomsStartingLate() {
		assertThat(report(entry(Symptom.EYELID_DROOP).startedAfter(days(5))).now(days(6)).evaluateWith(rule)).isEmpty();
	}

}
