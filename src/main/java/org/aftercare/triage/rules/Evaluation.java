package org.aftercare.triage.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a rule may look at; rules are pure functions of it (CLINICAL.md section 3).
 */
public record Evaluation(ReportFacts report, EpisodeHistory history, PatientFacts patient, TreatmentFacts treatment,
		RuleSettings settings, Instant now) {

	public Evaluation {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(history, "history");
		Objects.requireNonNull(patient, "patient");
		Objects.requireNonNull(treatment, "treatment");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(now, "now");
	}
}
