package org.aftercare.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.aftercare.patient.Intake;
import org.aftercare.report.NewEntry;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Product;
import org.aftercare.treatment.AreaUnits;
import org.aftercare.triage.Causality;
import org.aftercare.triage.Outcome;
import org.aftercare.triage.Resolution;
import org.aftercare.triage.Seriousness;

/**
 * The demo clinic's last eight weeks, the same on every first start (relative to it):
 * forty treatments, one every 1.4 days, alternating between the two injectors. Dr Lee
 * gives Botox and Xeomin (frown lines, forehead, crow's feet), Sam Patel Dysport and
 * Botox, often including the nose ("bunny lines", a known headache risk). Each is
 * answered a day or two later: most with "no new symptoms", some with a mild bruise,
 * swelling or sore injection site, and headaches, which come far more often after Sam
 * Patel's (13 of 20 against 2 of 20: a signal on the analytics page, which is never a
 * verdict). A few need a clinician (a severe headache, R4; a drooping eyelid, R9; a
 * headache starting on day 4, R8), and their injector resolved each the next day.
 */
final class DemoHistory {

	static final Duration WEEKS = Duration.ofDays(56);

	private static final int CASES = 40;

	private static final String[] GIVEN = { "Olivia", "Noah", "Amelia", "Oliver", "Isla", "George", "Ava", "Arthur",
			"Mia", "Leo", "Sofia", "Harry", "Grace", "Oscar", "Freya", "Jack", "Lily", "Charlie", "Ella", "Theo" };

	private static final String[] FAMILY = { "Smith", "Jones", "Patel", "Williams", "Brown", "Khan", "Evans", "Wilson",
			"Nowak", "Taylor", "Davies", "Rossi", "Murphy", "Chen", "Okafor", "Silva", "Walsh", "Ahmed", "Moreau",
			"Kowalski" };

	private DemoHistory() {
	}

	/** Something that happened, at the time it happened. */
	record Step(Instant at, Runnable action) {
	}

	/**
	 * One treatment and its answer.
	 *
	 * @param resolution how the injector closed its flags (null: the answer raises none)
	 */
	record Case(int number, boolean byLee, Product product, List<AreaUnits> areas, Instant treatedAt,
			Instant reportedAt, List<NewEntry> entries, String notes, Resolution resolution) {
	}

	static List<Case> cases(Instant now) {
		Instant first = now.minus(WEEKS).truncatedTo(ChronoUnit.HOURS);
		List<Case> cases = new ArrayList<>();
		for (int n = 0; n < CASES; n++) {
			boolean byLee = n % 2 == 0;
			int k = n / 2;
			Instant treated = first.plus(Duration.ofHours(n * 33L)).plus(Duration.ofHours(9));
			Instant reported = treated.plus(Duration.ofHours(30 + (n % 3) * 6));
			Product product = byLee ? ((k % 3 == 2) ? Product.INCOBOTULINUMTOXINA : Product.ONABOTULINUMTOXINA)
					: ((k % 2 == 0) ? Product.ABOBOTULINUMTOXINA : Product.ONABOTULINUMTOXINA);
			List<AreaUnits> areas = areas(byLee, k, product);
			List<NewEntry> entries = new ArrayList<>();
			String notes = null;
			Resolution resolution = null;
			boolean headache = byLee ? (k == 3 || k == 8) : (k % 2 == 0 || k == 1 || k == 7);
			if (headache) {
				int severity = byLee ? 3 : 3 + (k % 4);
				entries.add(headache(severity, treated.plus(Duration.ofHours(5 + k % 7)),
						treated.plus(Duration.ofHours(26 + k % 5))));
			}
			if (!byLee && k == 4) {
				// Severe, though over by the time it is reported: R4, HIGH.
				entries.set(0, headache(7, treated.plus(Duration.ofHours(6)), treated.plus(Duration.ofHours(28))));
				notes = "Worst at night, two paracetamol helped.";
				resolution = new Resolution(Outcome.RESOLVED, Causality.PROBABLE, Seriousness.NON_SERIOUS, null,
						"Called: settled within a day; advised paracetamol for next time.");
			}
			if (byLee && k == 5) {
				// A drooping eyelid on day 4: R9.
				reported = treated.plus(Duration.ofDays(4)).plus(Duration.ofHours(3));
				entries.add(local(Symptom.EYELID_DROOP, 3, treated.plus(Duration.ofDays(3)).plus(Duration.ofHours(20)),
						true));
				notes = "My right eyelid feels heavy in the evening.";
				resolution = new Resolution(Outcome.RESOLVING, Causality.PROBABLE, Seriousness.NON_SERIOUS, null,
						"Seen in clinic: mild ptosis, expected to settle in weeks; apraclonidine drops offered.");
			}
			if (!byLee && k == 9) {
				// A headache starting on day 4: R8, its other possible causes beside it.
				reported = treated.plus(Duration.ofDays(4)).plus(Duration.ofHours(8));
				entries.add(headache(4, treated.plus(Duration.ofDays(3)).plus(Duration.ofHours(16)),
						treated.plus(Duration.ofDays(4)).plus(Duration.ofHours(2))));
				notes = "Long week at work, not much sleep.";
				resolution = new Resolution(Outcome.RESOLVED, Causality.UNLIKELY, Seriousness.NON_SERIOUS, null,
						"Late onset with poor sleep and stress: unlikely to be the treatment.");
			}
			if (!headache && entries.isEmpty()) {
				switch (n % 5) {
					case 1 -> entries.add(local(Symptom.BRUISING, 2, treated.plus(Duration.ofHours(2)), true));
					case 3 -> entries.add(local(Symptom.INJECTION_SITE_PAIN, 2, treated.plus(Duration.ofHours(1)),
							false, treated.plus(Duration.ofHours(20))));
					case 4 -> entries.add(local(Symptom.SWELLING, 1, treated.plus(Duration.ofHours(1)), false,
							treated.plus(Duration.ofHours(12))));
					default -> {
						// "No new symptoms": the check-in answered with one tap.
					}
				}
			}
			cases.add(new Case(n, byLee, product, areas, treated, reported, entries, notes, resolution));
		}
		return cases;
	}

	/** Areas and units by injector and product, so that each dose band has treatments. */
	private static List<AreaUnits> areas(boolean byLee, int k, Product product) {
		if (product == Product.ABOBOTULINUMTOXINA) {
			// Dysport units are about two and a half times Botox's.
			return List.of(units(Area.CROWS_FEET, 30 + 10 * (k % 3)), units(Area.BUNNY_LINES, 10));
		}
		if (byLee) {
			return switch (k % 3) {
				case 0 -> List.of(units(Area.GLABELLAR_LINES, 20));
				case 1 -> List.of(units(Area.GLABELLAR_LINES, 20), units(Area.FOREHEAD, 10));
				default -> List.of(units(Area.FOREHEAD, 12), units(Area.CROWS_FEET, 24));
			};
		}
		return (k % 4 == 1) ? List.of(units(Area.GLABELLAR_LINES, 20), units(Area.BUNNY_LINES, 6))
				: List.of(units(Area.FOREHEAD, 10));
	}

	static Intake intake(int n) {
		String given = GIVEN[n % GIVEN.length];
		String family = FAMILY[(n * 7) % FAMILY.length];
		return new Intake(given, family, LocalDate.of(1968 + n % 30, 1 + n % 12, 1 + n % 28),
				given.toLowerCase() + "." + family.toLowerCase() + "." + n + "@demo.aftercare.test", null, n % 9 == 4,
				n % 7 == 3, (n % 7 == 3) ? 2 : null, false, false, false, false, false, false, false, false, false,
				null, null);
	}

	private static AreaUnits units(Area area, int units) {
		return new AreaUnits(area, new BigDecimal(units));
	}

	private static NewEntry headache(int severity, Instant started, Instant stopped) {
		return new NewEntry(Symptom.HEADACHE, null, severity, severity >= 5 ? 2 : 1, started, false, stopped, false,
				false, false, null);
	}

	private static NewEntry local(Symptom symptom, int severity, Instant started, boolean ongoing) {
		return local(symptom, severity, started, ongoing, null);
	}

	private static NewEntry local(Symptom symptom, int severity, Instant started, boolean ongoing, Instant stopped) {
		return new NewEntry(symptom, null, severity, 0, started, ongoing, stopped, null, null, null, null);
	}

}
