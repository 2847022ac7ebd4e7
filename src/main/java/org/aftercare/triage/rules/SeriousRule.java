package org.aftercare.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R14: an emergency-department visit or a hospital admission makes the report serious,
 * HIGH at least.
 */
final class SeriousRule implements Rule {

	@Override
	public RuleCode code() {
		return RuleCode.R14_SERIOUS;
	}

	@Override
	public String description(RuleSettings settings) {
		return "The patient went to an emergency department or was admitted to hospital: HIGH at least, "
				+ "marked serious.";
	}

	@Override
	public Optional<Finding> evaluate(Evaluation evaluation) {
		ReportFacts report = evaluation.report();
		if (!report.wentToEmergencyDepartment() && !report.admittedToHospital()) {
			return Optional.empty();
		}
		List<String> facts = new ArrayList<>();
		if (report.wentToEmergencyDepartment()) {
			facts.add("went to an emergency department");
		}
		if (report.admittedToHospital()) {
			facts.add("admitted to hospital");
		}
		String evidence = String.join(", ", facts);
		if (!report.entries().isEmpty()) {
			evidence += "; reported: " + Evidence.entries(report.entries(), evaluation);
		}
		return Optional.of(Evidence.finding(code(), Priority.HIGH, report.entries(), evidence, evaluation).asSerious());
	}

}
