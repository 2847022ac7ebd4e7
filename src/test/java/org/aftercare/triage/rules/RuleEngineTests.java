package org.aftercare.triage.rules;

import org.aftercare.report.Confounder;
import org.aftercare.report.Symptom;
import org.aftercare.report.SymptomGroup;

import static org.aftercare.triage.rules.Fixtures.days;
import static org.aftercare.triage.rules.Fixtures.entry;
import static org.aftercare.triage.rules.Fixtures.headache;
import static org.aftercare.triage.rules.Fixtures.hours;
import static org.aftercare.triage.rules.Fixtures.only;
import static org.aftercare.triage.rules.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuleEngineTests {

	private final RuleEngine engine = RuleEngine.standard();

	@Test
	void flagsNothingForAModerateHeadacheThatStartedTwoHoursAfterTreatmentAndStoppedTheNextDay() {
		List<Finding> findings = report(headache(5).startedAfter(hours(2)).stoppedAfter(hours(26))).now(hours(30))
			.evaluate();

		assertThat(findings).isEmpty();
		assertThat(Advice.of(findings).level()).isEqualTo(Advice.Level.ROUTINE);
	}

	@Test
	void flagsTheSameHeadacheWhileStillGoingOnAsMedium() {
		List<Finding> findings = report(headache(5).startedAfter(hours(2))).now(hours(20)).evaluate();

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.rule()).isEqualTo(RuleCode.R5_MODERATE_HEADACHE);
			assertThat(finding.priority()).isEqualTo(Priority.MEDIUM);
		});
	}

	static Stream<Arguments> reportsMeetingRules() {
		return Stream.of(Arguments.of(report(headache(5).startedAfter(hours(2))).now(days(4))),
				Arguments.of(report(headache(8).startedAfter(days(4))).now(days(12))),
				Arguments.of(report(headache(3).redFlags(true, false, false))),
				Arguments.of(report(entry(Symptom.TROUBLE_SWALLOWING).severity(3), entry(Symptom.WHEEZING))),
				Arguments.of(report(entry(Symptom.EYELID_DROOP).severity(8), entry(Symptom.INFECTION_SIGNS))),
				Arguments.of(report(entry(Symptom.OTHER).describedAs("tingling")).wentToEmergencyDepartment()));
	}

	@ParameterizedTest
	@MethodSource("reportsMeetingRules")
	void confoundersNeverLowerAFlag(Fixtures.EvaluationBuilder report) {
		Map<RuleCode, Priority> without = priorities(report.evaluate());

		List<Finding> withConfounders = report.confounders(Confounder.values()).evaluate();

		assertThat(without).isNotEmpty();
		assertThat(priorities(withConfounders)).isEqualTo(without);
		assertThat(withConfounders)
			.allSatisfy(finding -> assertThat(finding.otherPossibleCauses()).contains("stress", "alcohol"))
			.allSatisfy(finding -> assertThat(finding.otherPossibleCauses()).doesNotContain("none"));
	}

	@Test
	void runsEveryRuleAtMostOnceAndSortsHighestPriorityFirst() {
		List<Finding> findings = report(headache(8).startedAfter(days(4)).redFlags(false, true, false),
				headache(5).startedAfter(days(4)), entry(Symptom.BROW_DROOP).severity(3),
				entry(Symptom.INFECTION_SIGNS).severity(4), entry(Symptom.OTHER).describedAs("rash on the neck"))
			.now(days(12))
			.admittedToHospital()
			.evaluate();

		assertThat(findings).extracting(Finding::rule)
			.containsExactly(RuleCode.R3_HEADACHE_RED_FLAG, RuleCode.R4_SEVERE, RuleCode.R6_PERSISTENT_HEADACHE,
					RuleCode.R10_INFECTION, RuleCode.R14_SERIOUS, RuleCode.R5_MODERATE_HEADACHE,
					RuleCode.R8_LATE_ONSET_HEADACHE, RuleCode.R9_DROOP_OR_ASYMMETRY, RuleCode.R12_UNUSUAL);
		assertThat(findings).extracting(Finding::priority).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(only(findings, RuleCode.R6_PERSISTENT_HEADACHE).priority()).isEqualTo(Priority.HIGH);
		assertThat(findings).filteredOn(Finding::serious)
			.extracting(Finding::rule)
			.containsExactly(RuleCode.R14_SERIOUS);
	}

	@Test
	void showsMigraineHistoryOnlyBesideHeadacheFindings() {
		PatientFacts migraine = new PatientFacts(false, true, 6, false, false, false);
		List<Finding> findings = report(headache(7), entry(Symptom.ASYMMETRY)).patient(migraine)
			.confounders(Confounder.NONE)
			.evaluate();

		assertThat(only(findings, RuleCode.R4_SEVERE).otherPossibleCauses())
			.containsExactly("migraine history, 6 headache days/month baseline");
		assertThat(only(findings, RuleCode.R9_DROOP_OR_ASYMMETRY).otherPossibleCauses()).isEmpty();
	}

	@Test
	void combinesWorseningAndRiskFactorsUpToEmergency() {
		List<Finding> findings = report(entry(Symptom.SWELLING).severity(8))
			.history(entry(Symptom.SWELLING).severity(4).reportedAfter(hours(4)))
			.patient(Fixtures.NEUROMUSCULAR)
			.evaluate();

		assertThat(only(findings, RuleCode.R4_SEVERE).priority()).isEqualTo(Priority.EMERGENCY);
		assertThat(only(findings, RuleCode.R7_WORSENING).priority()).isEqualTo(Priority.EMERGENCY);
		assertThat(Advice.of(findings).level()).isEqualTo(Advice.Level.EMERGENCY);
	}

	@ParameterizedTest
	@EnumSource(RuleCode.class)
	void describesEveryRuleWithItsTitleSourceAndLogic(RuleCode code) {
		Map<RuleCode, RuleDescription> descriptions = engine.describe(RuleSettings.defaults())
			.stream()
			.collect(Collectors.toMap(RuleDescription::code, Function.identity()));

		assertThat(descriptions).containsKey(code);
		RuleDescription description = descriptions.get(code);
		assertThat(description.title()).isEqualTo(code.title()).isNotBlank();
		assertThat(description.source()).isEqualTo(code.source()).isNotBlank();
		assertThat(description.rationale()).isNotBlank();
		assertThat(description.priorityLogic()).containsAnyOf("EMERGENCY", "HIGH", "MEDIUM", "level");
	}

	@Test
	void describesTheRulesInCodeOrderWithTheDefaultThresholds() {
		List<RuleDescription> descriptions = engine.describe(RuleSettings.defaults());

		assertThat(descriptions).extracting(RuleDescription::code).containsExactly(RuleCode.values());
		assertThat(logic(descriptions, RuleCode.R4_SEVERE))
			.isEqualTo("Any symptom with severity 7/10 or more, or interference 3/4 or more: HIGH.");
		assertThat(logic(descriptions, RuleCode.R5_MODERATE_HEADACHE)).contains("severity 4-6/10 or interference 2/4");
		assertThat(logic(descriptions, RuleCode.R6_PERSISTENT_HEADACHE))
			.contains("more than 3 days from its onset: MEDIUM; more than 7 days: HIGH");
		assertThat(logic(descriptions, RuleCode.R7_WORSENING)).contains("up 2 points or more");
		assertThat(logic(descriptions, RuleCode.R8_LATE_ONSET_HEADACHE)).contains("more than 72 h after treatment");
		assertThat(logic(descriptions, RuleCode.R13_NO_REPLY)).contains("15 min", "4 h", "48 h");
		assertThat(descriptions.get(0).source()).contains("Botox Cosmetic, Dysport, Xeomin, Jeuveau, Daxxify");
		assertThat(descriptions.stream().map(RuleDescription::source))
			.contains("J Cosmet Dermatol 2022, PMID 34897957");
	}

	@Test
	void describesTheClinicsOwnThresholds() {
		RuleSettings settings = new RuleSettings(8, 4, 3, 7, 2, days(2), days(4), days(10), 3, hours(48),
				Duration.ofMinutes(10), hours(2), hours(24));

		List<RuleDescription> descriptions = engine.describe(settings);

		assertThat(logic(descriptions, RuleCode.R4_SEVERE)).contains("severity 8/10", "interference 4/4");
		assertThat(logic(descriptions, RuleCode.R5_MODERATE_HEADACHE)).contains("severity 3-7/10 or interference 2-3/4",
				"within 2 days");
		assertThat(logic(descriptions, RuleCode.R6_PERSISTENT_HEADACHE)).contains("4 days", "10 days");
		assertThat(logic(descriptions, RuleCode.R7_WORSENING)).contains("up 3 points");
		assertThat(logic(descriptions, RuleCode.R8_LATE_ONSET_HEADACHE)).contains("48 h");
		assertThat(logic(descriptions, RuleCode.R13_NO_REPLY)).contains("10 min", "2 h", "24 h");
	}

	@Test
	void everySymptomBelongsToTheGroupOfClinicalSectionTwo() {
		assertThat(Arrays.stream(Symptom.values()).filter(s -> s.group() == SymptomGroup.DISTANT_SPREAD)).hasSize(6);
		assertThat(Arrays.stream(Symptom.values()).filter(s -> s.group() == SymptomGroup.ALLERGIC)).hasSize(4);
		assertThat(Arrays.stream(Symptom.values()).filter(s -> s.group() == SymptomGroup.COMMON_LOCAL)).hasSize(9);
		assertThat(Symptom.EYELID_DROOP.group()).isEqualTo(SymptomGroup.MUSCLE_EFFECT);
	}

	private static Map<RuleCode, Priority> priorities(List<Finding> findings) {
		return findings.stream().collect(Collectors.toMap(Finding::rule, Finding::priority));
	}

	private static String logic(List<RuleDescription> descriptions, RuleCode code) {
		return descriptions.stream()
			.filter(description -> description.code() == code)
			.findFirst()
			.orElseThrow()
			.priorityLogic();
	}

}
