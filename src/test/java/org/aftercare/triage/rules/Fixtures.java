package org.aftercare.triage.rules;

import org.aftercare.report.Confounder;
import org.aftercare.report.Symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Terse facts for rule tests: every time is given as an offset from the treatment. */
final class Fixtures {

	static final Instant TREATED_AT = Instant.parse("2025-03-03T09:00:00Z");

	static final PatientFacts NO_RISK = PatientFacts.none();

	static final PatientFacts HYPERTENSION = new PatientFacts(true, false, null, false, false, false);

	static final PatientFacts NEUROMUSCULAR = new PatientFacts(false, false, null, true, false, false);

	static final PatientFacts TOXIN_IN_LAST_4_MONTHS = new PatientFacts(false, false, null, false, true, false);

	static final PatientFacts AMINOGLYCOSIDES = new PatientFacts(false, false, null, false, false, true);

	static final PatientFacts HYPERTENSION_AND_NEUROMUSCULAR = new PatientFacts(true, false, null, true, false, false);

	private Fixtures() {
	}

	static Instant afterTreatment(Duration offset) {
		return TREATED_AT.plus(offset);
	}

	static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

	static Duration hours(long hours) {
		return Duration.ofHours(hours);
	}

	static Duration days(long days) {
		return Duration.ofDays(days);
	}

	static EntryBuilder entry(Symptom symptom) {
		return new EntryBuilder(symptom);
	}

	static EntryBuilder headache(Integer severity) {
		return new EntryBuilder(Symptom.HEADACHE).severity(severity);
	}

	static EvaluationBuilder report(EntryBuilder... entries) {
		return new EvaluationBuilder(Arrays.asList(entries));
	}

	/** The only finding of the given rule, failing when there is none. */
	static Finding only(List<Finding> findings, RuleCode code) {
		return findings.stream().filter(finding -> finding.rule() == code).reduce((first, second) -> {
			throw new AssertionError("more than one " + code);
		}).orElseThrow(() -> new AssertionError("no " + code + " in " + findings));
	}

	static RuleSettings settings(int severeSeverity, int worseningPoints, Duration lateOnset) {
		RuleSettings defaults = RuleSettings.defaults();
		return new RuleSettings(severeSeverity, defaults.severeInterference(), defaults.moderateHeadacheMin(),
				defaults.moderateHeadacheMax(), defaults.moderateInterference(), defaults.mildTransientWindow(),
				defaults.persistentHeadacheMedium(), defaults.persistentHeadacheHigh(), worseningPoints, lateOnset,
				defaults.emergencyAcknowledgementTarget(), defaults.highAcknowledgementTarget(),
				defaults.patientUpdateWait());
	}

	static final class EntryBuilder {

		private final Symptom symptom;

		private Integer severity;

		private Integer interference;

		private Duration startedAfter = hours(2);

		private Duration stoppedAfter;

		private String description;

		private boolean suddenWorstEver;

		private boolean feverOrStiffNeck;

		private boolean neurologicalSigns;

		private Duration reportedAfter;

		private EntryBuilder(Symptom symptom) {
			this.symptom = symptom;
		}

		EntryBuilder severity(Integer severity) {
			this.severity = severity;
			return this;
		}

		EntryBuilder interference(Integer interference) {
			this.interference = interference;
			return this;
		}

		EntryBuilder startedAfter(Duration offset) {
			this.startedAfter = offset;
			return this;
		}

		/** Stopped at this offset from the treatment; without it the entry is ongoing. */
		EntryBuilder stoppedAfter(Duration offset) {
			this.stoppedAfter = offset;
			return this;
		}

		EntryBuilder describedAs(String description) {
			this.description = description;
			return this;
		}

		EntryBuilder redFlags(boolean suddenWorstEver, boolean feverOrStiffNeck, boolean neurologicalSigns) {
			this.suddenWorstEver = suddenWorstEver;
			this.feverOrStiffNeck = feverOrStiffNeck;
			this.neurologicalSigns = neurologicalSigns;
			return this;
		}

		EntryBuilder reportedAfter(Duration offset) {
			this.reportedAfter = offset;
			return this;
		}

		EntryFacts build(Instant defaultReportedAt) {
			return new EntryFacts(symptom, severity, interference, afterTreatment(startedAfter), stoppedAfter == null,
					stoppedAfter == null ? null : afterTreatment(stoppedAfter), description, suddenWorstEver,
					feverOrStiffNeck, neurologicalSigns,
					reportedAfter == null ? defaultReportedAt : afterTreatment(reportedAfter));
		}

	}

	static final class EvaluationBuilder {

		private final List<EntryBuilder> entries;

		private final List<EntryBuilder> history = new ArrayList<>();

		private PatientFacts patient = NO_RISK;

		private boolean nose;

		private final Set<Confounder> confounders = EnumSet.noneOf(Confounder.class);

		private boolean emergencyDepartment;

		private boolean admitted;

		private Duration now = days(1);

		private RuleSettings settings = RuleSettings.defaults();

		private EvaluationBuilder(List<EntryBuilder> entries) {
			this.entries = entries;
		}

		/**
		 * Earlier entries of the episode, oldest first; each should say when it was
		 * reported.
		 */
		EvaluationBuilder history(EntryBuilder... earlier) {
			history.addAll(Arrays.asList(earlier));
			return this;
		}

		EvaluationBuilder patient(PatientFacts patient) {
			this.patient = patient;
			return this;
		}

		EvaluationBuilder noseTreated() {
			this.nose = true;
			return this;
		}

		EvaluationBuilder confounders(Confounder... confounders) {
			this.confounders.addAll(Arrays.asList(confounders));
			return this;
		}

		EvaluationBuilder wentToEmergencyDepartment() {
			this.emergencyDepartment = true;
			return this;
		}

		EvaluationBuilder admittedToHospital() {
			this.admitted = true;
			return this;
		}

		/**
		 * When the report is submitted and evaluated, as an offset from the treatment
		 * (default 1 day).
		 */
		EvaluationBuilder now(Duration offset) {
			this.now = offset;
			return this;
		}

		EvaluationBuilder settings(RuleSettings settings) {
			this.settings = settings;
			return this;
		}

		Evaluation build() {
			Instant submittedAt = afterTreatment(now);
			List<EntryFacts> reportEntries = entries.stream().map(entry -> entry.build(submittedAt)).toList();
			List<EntryFacts> earlier = history.stream()
				.map(entry -> entry.build(afterTreatment(entry.startedAfter.plusHours(1))))
				.toList();
			return new Evaluation(
					new ReportFacts(reportEntries, confounders, emergencyDepartment, admitted, submittedAt),
					new EpisodeHistory(earlier), patient, new TreatmentFacts(TREATED_AT, nose, "Botox Cosmetic"),
					settings, submittedAt);
		}

		List<Finding> evaluateWith(Rule rule) {
			return rule.evaluate(build()).stream().toList();
		}

		List<Finding> evaluate() {
			return RuleEngine.standard().evaluate(build());
		}

	}

}
