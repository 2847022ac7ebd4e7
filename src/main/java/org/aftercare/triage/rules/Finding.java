package org.aftercare.triage.rules;

import org.aftercare.report.Symptom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found in a report: the raw material of a flag.
 *
 * @param rule the rule that fired
 * @param priority the final priority, after R7 and R11
 * @param symptoms the symptoms involved, in report order
 * @param evidence the facts that met the rule, for clinicians ("headache 8/10, started 26
 * h after treatment, ongoing 4 days"), including any R11 raise
 * @param serious whether the report meets a seriousness criterion (R14)
 * @param mayHaveOtherCause whether the patient is told the symptom may have a cause other
 * than the treatment (R3)
 * @param otherPossibleCauses shown beside the flag so the clinician judges attribution;
 * never used to lower it
 * @param adjustments the modifiers that raised this finding, in order
 */
public record Finding(RuleCode rule, Priority priority, List<Symptom> symptoms, String evidence, boolean serious,
		boolean mayHaveOtherCause, List<String> otherPossibleCauses, List<Adjustment> adjustments) {

	public Finding {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(evidence, "evidence");
		symptoms = List.copyOf(symptoms);
		otherPossibleCauses = List.copyOf(otherPossibleCauses);
		adjustments = List.copyOf(adjustments);
	}

	/** The priority the rule itself gave, before any modifier. */
	public Priority basePriority() {
		return adjustments.isEmpty() ? priority : adjustments.get(0).from();
	}

	public boolean involves(Symptom symptom) {
		return symptoms.contains(symptom);
	}

	Finding withOtherCauseNote() {
		return new Finding(rule, priority, symptoms, evidence, serious, true, otherPossibleCauses, adjustments);
	}

	Finding asSerious() {
		return new Finding(rule, priority, symptoms, evidence, true, mayHaveOtherCause, otherPossibleCauses,
				adjustments);
	}

	Finding raisedBy(RuleCode modifier, String reason) {
		Priority raised = priority.raise();
		List<Adjustment> adjusted = new ArrayList<>(adjustments);
		adjusted.add(new Adjustment(modifier, priority, raised, reason));
		String note = "; " + modifier.shortCode() + " raised " + priority + " to " + raised + ": " + reason;
		return new Finding(rule, raised, symptoms, evidence + note, serious, mayHaveOtherCause, otherPossibleCauses,
				adjusted);
	}
}
