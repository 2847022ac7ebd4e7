package org.aftercare.dashboard;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Wilson score interval, z = 1.96, z² = 3.8416: centre = (p + z²/2n) / (1 + z²/n), half =
 * z / (1 + z²/n) · √(p(1-p)/n + z²/4n²).
 */
class WilsonIntervalTests {

	private static final Offset<Double> CLOSE = Offset.offset(0.0001);

	@Test
	void tenOfAHundred() {
		// p = 0.1; z²/n = 0.038416; 1 + z²/n = 1.038416
		// centre = (0.1 + 0.019208) / 1.038416 = 0.114798
		// half = 1.96 / 1.038416 · √(0.0009 + 0.00009604) = 1.887488 · 0.031560 =
		// 0.059570
		// -> [0.055228, 0.174368]
		WilsonInterval interval = WilsonInterval.of(10, 100).orElseThrow();
		assertThat(interval.lower()).isCloseTo(0.0552, CLOSE);
		assertThat(interval.upper()).isCloseTo(0.1744, CLOSE);
	}

	@Test
	void noneOfTwentyStartsAtZeroAndStillHasAnUpperBound() {
		// p = 0; z²/n = 0.19208; centre = 0.09604 / 1.19208 = 0.080565
		// half = 1.96 / 1.19208 · √(3.8416 / 1600) = 1.644185 · 0.049 = 0.080565 -> [0,
		// 0.161130]
		WilsonInterval interval = WilsonInterval.of(0, 20).orElseThrow();
		assertThat(interval.lower()).isEqualTo(0.0);
		assertThat(interval.upper()).isCloseTo(0.1611, CLOSE);
	}

	@Test
	void twentyOfTwentyMirrorsNoneOfTwenty() {
		// by symmetry, 1 - [0, 0.161130] -> [0.838870, 1]
		WilsonInterval interval = WilsonInterval.of(20, 20).orElseThrow();
		assertThat(interval.lower()).isCloseTo(0.8389, CLOSE);
		assertThat(interval.upper()).isEqualTo(1.0);
	}

	@Test
	void threeOfEight() {
		// p = 0.375; z²/n = 0.4802; centre = (0.375 + 0.2401) / 1.4802 = 0.415552
		// half = 1.96 / 1.4802 · √(0.029296875 + 0.01500625) = 1.324145 · 0.210483 =
		// 0.278710
		// -> [0.136842, 0.694262]
		WilsonInterval interval = WilsonInterval.of(3, 8).orElseThrow();
		assertThat(interval.lower()).isCloseTo(0.1368, CLOSE);
		assertThat(interval.upper()).isCloseTo(0.6943, CLOSE);
	}

	@Test
	void noTreatmentsNoInterval() {
		assertThat(WilsonInterval.of(0, 0)).isEmpty();
	}

	@Test
	void impossibleCountsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> WilsonInterval.of(3, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> WilsonInterval.of(-1, 2));
	}

	@Test
	void aSignalNeedsTheWholeIntervalAboveTheRate() {
		// 6/6: z²/n = 0.640267; centre = 1.320133 / 1.640267 = 0.804827;
		// half = 1.96 / 1.640267 · √(3.8416 / 144) = 1.194925 · 0.163333 = 0.195170 ->
		// lower 0.609657
		WilsonInterval sixOfSix = WilsonInterval.of(6, 6).orElseThrow();
		assertThat(sixOfSix.lower()).isCloseTo(0.6097, CLOSE);
		assertThat(sixOfSix.whollyAbove(6.0 / 18)).isTrue();
		assertThat(sixOfSix.whollyAbove(0.61)).isFalse();
		// 1/4 -> [0.045586, 0.699364]: high point estimate, but the interval reaches
		// below 0.25
		assertThat(WilsonInterval.of(1, 4).orElseThrow().whollyAbove(0.2)).isFalse();
	}

}
