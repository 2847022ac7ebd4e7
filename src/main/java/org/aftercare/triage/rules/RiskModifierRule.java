package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.util.ArrayList;
import java.util.List;

/**
 * R11: the patient's risk factors raise findings one level. Hypertension and nose ("bunny
 * lines") injections make post-injection headache more frequent, so they raise headache
 * findings; neuromuscular disease, another toxin in the last 4 months and recent
 * aminoglycosides raise every finding. A finding is raised one level at most, with every
 * factor that applies named as the reason.
 */
final class RiskModifierRule implements FindingModifier {

	@Override
	public RuleCode code() {
		return RuleCode.R11_RISK_MODIFIER;
	}

	@Override
	public String description(RuleSettings settings) {
		return "Hypertension or a treatment including the nose (\"bunny lines\"): headache findings one level up. "
				+ "Neuromuscular disease, another toxin in the last 4 months or recent aminoglycosides: every finding "
				+ "one level up. One level at most, capped at EMERGENCY.";
	}

	@Override
	public List<Finding> apply(Evaluation evaluation, List<Finding> findings) {
		List<String> headacheFactors = headacheFactors(evaluation);
		List<String> generalFactors = generalFactors(evaluation.patient());
		return findings.stream().map(finding -> {
			List<String> factors = new ArrayList<>(generalFactors);
			if (isAboutHeadache(finding)) {
				factors.addAll(headacheFactors);
			}
			if (factors.isEmpty() || finding.priority() == Priority.EMERGENCY) {
				return finding;
			}
			return finding.raisedBy(code(), String.join(", ", factors));
		}).toList();
	}

	private static boolean isAboutHeadache(Finding finding) {
		return finding.rule().triggeredBySymptoms() && finding.involves(Symptom.HEADACHE);
	}

	private static List<String> headacheFactors(Evaluation evaluation) {
		List<String> factors = new ArrayList<>();
		if (evaluation.patient().hypertension()) {
			factors.add("hypertension");
		}
		if (evaluation.treatment().includesNose()) {
			factors.add("nose (\"bunny lines\") treated");
		}
		return factors;
	}

	private static List<String> generalFactors(PatientFacts patient) {
		List<String> factors = new ArrayList<>();
		if (patient.neuromuscularDisease()) {
			factors.add("neuromuscular disease");
		}
		if (patient.toxinInLast4Months()) {
			factors.add("another toxin in the last 4 months");
		}
		if (patient.recentAminoglycosides()) {
			factors.add("recent aminoglycosides");
		}
		return factors;
	}

}
