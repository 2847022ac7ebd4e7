package org.aftercare.triage.rules;

import org.aftercare.report.Confounder;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The new report being evaluated.
 *
 * @param entries its symptom entries (empty for a report that only records a hospital
 * visit)
 * @param confounders other possible causes the patient ticked; shown beside flags, never
 * used to lower them
 * @param wentToEmergencyDepartment whether the patient went to an emergency department
 * @param admittedToHospital whether the patient was admitted to hospital
 * @param submittedAt when it was submitted
 */
public record ReportFacts(List<EntryFacts> entries, Set<Confounder> confounders, boolean wentToEmergencyDepartment,
		boolean admittedToHospital, Instant submittedAt) {

	public ReportFacts {
		entries = List.copyOf(entries);
		Objects.requireNonNull(confounders, "confounders");
		confounders = confounders.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(confounders));
		Objects.requireNonNull(submittedAt, "submittedAt");
	}
}
