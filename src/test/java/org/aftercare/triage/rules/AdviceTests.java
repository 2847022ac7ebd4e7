package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdviceTests {

	static Stream<Arguments> reports() {
		return Stream.of(
				Arguments.of(report(entry(Symptom.BRUISING).severity(2)), Advice.Level.ROUTINE, "advice.routine"),
				Arguments.of(report(entry(Symptom.ASYMMETRY).severity(2)), Advice.Level.MEDIUM, "advice.medium"),
				Arguments.of(report(entry(Symptom.INFECTION_SIGNS), entry(Symptom.BROW_DROOP)), Advice.Level.HIGH,
						"advice.high"),
				Arguments.of(report(entry(Symptom.WHEEZING), entry(Symptom.SWELLING).severity(9)),
						Advice.Level.EMERGENCY, "advice.emergency"));
	}

	@ParameterizedTest(name = "advice {1}")
	@MethodSource("reports")
	void advisesAtTheLevelOfTheHighestFinding(Fixtures.EvaluationBuilder report, Advice.Level level, String key) {
		Advice advice = Advice.of(report.evaluate());

		assertThat(advice.level()).isEqualTo(level);
		assertThat(advice.mayHaveOtherCause()).isFalse();
		assertThat(advice.messageKeys()).containsExactly(key);
	}

	@Test
	void addsTheOtherCauseNoteForAHeadacheRedFlag() {
		Advice advice = Advice.of(report(headache(6).redFlags(false, false, true)).evaluate());

		assertThat(advice.level()).isEqualTo(Advice.Level.EMERGENCY);
		assertThat(advice.mayHaveOtherCause()).isTrue();
		assertThat(advice.messageKeys()).containsExactly("advice.emergency", "advice.r3.otherCause");
	}

	@Test
	void advisesRoutineWithoutFindings() {
		assertThat(Advice.of(List.of()).messageKeys()).containsExactly("advice.routine");
	}

}
