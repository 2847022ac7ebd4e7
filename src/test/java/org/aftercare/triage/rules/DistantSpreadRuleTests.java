package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;
import org.aftercare.report.SymptomGroup;

import static org.aftercare.triage.rules.Fixtures.days;
import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DistantSpreadRuleTests {

	private final Rule rule = new DistantSpreadRule();

	static Stream<Arguments> distantSpreadSymptomsAtAnyTime() {
		List<Duration> onsets = List.of(Duration.ofMinutes(30), hours(72), days(21), days(80));
		return Arrays.stream(Symptom.values())
			.filter(symptom -> symptom.group() == SymptomGroup.DISTANT_SPREAD)
			.flatMap(symptom -> onsets.stream().map(onset -> Arguments.of(symptom, onset)));
	}

	@ParameterizedTest(name = "R1 {0} starting {1} after treatment")
	@MethodSource("distantSpreadSymptomsAtAnyTime")
	void flagsEveryDistantSpreadSymptomAsEmergencyAtAnyTimeAfterTreatment(Symptom symptom, Duration onset) {
		List<Finding> findings = report(entry(symptom).severity(2).startedAfter(onset)).now(onset.plusHours(1))
			.evaluateWith(rule);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R1_DISTANT_SPREAD);
			assertThat(finding.priority()).isEqualTo(Priority.EMERGENCY);
			assertThat(finding.symptoms()).containsExactly(symptom);
			assertThat(finding.evidence()).startsWith(symptom.label() + " 2/10");
		});
	}

	@ParameterizedTest(name = "R1 ignores {0}")
	@EnumSource(
			value = Symptom.class, names = { "TROUBLE_SWALLOWING", "TROUBLE_BREATHING", "TROUBLE_SPEAKING",
					"GENERALISED_WEAKNESS", "DOUBLE_OR_BLURRED_VISION", "LOSS_OF_BLADDER_CONTROL" },
			mode = EnumSource.Mode.EXCLUDE)
	void ignoresSymptomsOutsideTheBoxedWarning(Symptom symptom) {
		assertThat(report(entry(symptom).severity(10)).evaluateWith(rule)).isEmpty();
	}

	@Test
	void listsSeveralDistantSpreadSymptomsInOneFinding() {
		List<Finding> findings = report(entry(Symptom.TROUBLE_SWALLOWING).severity(5),
				entry(Symptom.HEADACHE).severity(3), entry(Symptom.TROUBLE_BREATHING).severity(6))
			.evaluateWith(rule);

		assertThat(findings).singleElement()
			.satisfies(finding -> assertThat(finding.symptoms()).containsExactly(Symptom.TROUBLE_SWALLOWING,
					Symptom.TROUBLE_BREATHING));
	}

}
