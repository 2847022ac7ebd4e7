package org.aftercare.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSettingsTests {

	@Test
	void defaultsFollowClinicalSectionThree() {
		RuleSettings defaults = RuleSettings.defaults();

		assertThat(defaults.severeSeverity()).isEqualTo(7);
		assertThat(defaults.severeInterference()).isEqualTo(3);
		assertThat(defaults.moderateHeadacheMin()).isEqualTo(4);
		assertThat(defaults.moderateHeadacheMax()).isEqualTo(6);
		assertThat(defaults.moderateInterference()).isEqualTo(2);
		assertThat(defaults.mildTransientWindow()).isEqualTo(Duration.ofDays(3));
		assertThat(defaults.persistentHeadacheMedium()).isEqualTo(Duration.ofDays(3));
		assertThat(defaults.persistentHeadacheHigh()).isEqualTo(Duration.ofDays(7));
		assertThat(defaults.worseningPoints()).isEqualTo(2);
		assertThat(defaults.lateOnset()).isEqualTo(Duration.ofHours(72));
		assertThat(defaults.acknowledgementTarget(Priority.EMERGENCY)).contains(Duration.ofMinutes(15));
		assertThat(defaults.acknowledgementTarget(Priority.HIGH)).contains(Duration.ofHours(4));
		assertThat(defaults.acknowledgementTarget(Priority.MEDIUM)).isEmpty();
		assertThat(defaults.patientUpdateWait()).isEqualTo(Duration.ofHours(48));
	}

	static Stream<Arguments> invalid() {
		Duration day = Duration.ofDays(1);
		Duration minute = Duration.ofMinutes(1);
		return Stream.of(Arguments.of("severe severity 11", new int[] { 11, 3, 4, 6, 2, 2 }, day, day, day, minute),
				Arguments.of("severe interference 0", new int[] { 7, 0, 4, 6, 2, 2 }, day, day, day, minute),
				Arguments.of("moderate range 6-4", new int[] { 7, 3, 6, 4, 2, 2 }, day, day, day, minute),
				Arguments.of("moderate interference 3", new int[] { 7, 3, 4, 6, 3, 2 }, day, day, day, minute),
				Arguments.of("worsening 0 points", new int[] { 7, 3, 4, 6, 2, 0 }, day, day, day, minute),
				Arguments.of("zero window", new int[] { 7, 3, 4, 6, 2, 2 }, Duration.ZERO, day, day, minute),
				Arguments.of("HIGH days shorter than MEDIUM", new int[] { 7, 3, 4, 6, 2, 2 }, day, day.multipliedBy(3),
						day, minute),
				Arguments.of("negative target", new int[] { 7, 3, 4, 6, 2, 2 }, day, day, day, minute.negated()));
	}

	@ParameterizedTest(name = "rejects {0}")
	@MethodSource("invalid")
	void rejectsThresholdsOutOfRange(String label, int[] scores, Duration window, Duration persistentMedium,
			Duration persistentHigh, Duration emergencyTarget) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RuleSettings(scores[0], scores[1], scores[2],
				scores[3], scores[4], window, persistentMedium, persistentHigh, scores[5], Duration.ofHours(72),
				emergencyTarget, Duration.ofHours(4), Duration.ofHours(48)));
	}

}
