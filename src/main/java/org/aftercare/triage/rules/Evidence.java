package org.aftercare.triage.rules;

import org.aftercare.report.Confounder;
import org.aftercare.report.Symptom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds findings and their compact, factual evidence texts. */
final class Evidence {

	private Evidence() {
	}

	/**
	 * A finding of a rule on some entries, with the report's other possible causes beside
	 * it.
	 */
	static Finding finding(RuleCode rule, Priority priority, List<EntryFacts> entries, String evidence, Evaluation ev) {
		List<Symptom> symptoms = entries.stream().map(EntryFacts::symptom).distinct().toList();
		return new Finding(rule, priority, symptoms, evidence, false, false, otherCauses(ev, symptoms), List.of());
	}

	/** The entries described one by one, separated by "; ". */
	static String entries(List<EntryFacts> entries, Evaluation ev) {
		return entries.stream().map(entry -> entry(entry, ev)).collect(Collectors.joining("; "));
	}

	/**
	 * E.g. "headache 8/10, interference 3/4, started 26 h after treatment, ongoing 4
	 * days".
	 */
	static String entry(EntryFacts entry, Evaluation ev) {
		StringBuilder text = new StringBuilder(entry.symptom().label());
		if (entry.otherDescription() != null && !entry.otherDescription().isBlank()) {
			text.append(" \"").append(entry.otherDescription().strip()).append('"');
		}
		text.append(entry.severity() != null ? " " + entry.severity() + "/10" : " (no new score)");
		if (entry.interference() != null) {
			text.append(", interference ").append(entry.interference()).append("/4");
		}
		text.append(", started ").append(sinceTreatment(entry, ev.treatment()));
		Duration lasted = entry.duration(ev.now());
		text.append(entry.ongoing() ? ", ongoing " : ", stopped after ").append(duration(lasted));
		return text.toString();
	}

	/** E.g. "26 h after treatment" or "2 h before treatment". */
	static String sinceTreatment(EntryFacts entry, TreatmentFacts treatment) {
		Duration since = Duration.between(treatment.treatedAt(), entry.startedAt());
		return since.isNegative() ? duration(since.negated()) + " before treatment"
				: duration(since) + " after treatment";
	}

	/** Compact: "40 min", "5 h 30 min", "26 h", "4 days", "4 days 3 h". */
	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = duration.toHours();
		if (hours < 72) {
			long restMinutes = minutes % 60;
			return hours + " h" + (hours < 6 && restMinutes != 0 ? " " + restMinutes + " min" : "");
		}
		long restHours = hours % 24;
		return hours / 24 + " days" + (restHours != 0 ? " " + restHours + " h" : "");
	}

	/** A threshold in days when it is whole days ("3 days"), else compact. */
	static String days(Duration threshold) {
		long days = threshold.toDays();
		if (threshold.equals(Duration.ofDays(days))) {
			return days == 1 ? "1 day" : days + " days";
		}
		return duration(threshold);
	}

	/** A threshold in hours when it is whole hours ("72 h"), else compact. */
	static String hours(Duration threshold) {
		long hours = threshold.toHours();
		return threshold.equals(Duration.ofHours(hours)) ? hours + " h" : duration(threshold);
	}

	/**
	 * The report's confounders and, for a finding about a headache, the patient's
	 * migraine history and baseline headache days: shown beside a flag, never used to
	 * lower it.
	 */
	static List<String> otherCauses(Evaluation ev, List<Symptom> symptoms) {
		List<String> causes = new ArrayList<>();
		for (Confounder confounder : Confounder.values()) {
			if (confounder != Confounder.NONE && ev.report().confounders().contains(confounder)) {
				causes.add(confounder.label());
			}
		}
		if (symptoms.contains(Symptom.HEADACHE)) {
			PatientFacts patient = ev.patient();
			Integer baseline = patient.baselineHeadacheDaysPerMonth();
			String baselineText = baseline == null ? null : baseline + " headache days/month baseline";
			if (patient.migraineHistory()) {
				causes.add(baselineText == null ? "migraine history" : "migraine history, " + baselineText);
			}
			else if (baselineText != null) {
				causes.add(baselineText);
			}
		}
		return causes;
	}

}
