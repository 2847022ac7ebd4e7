package org.aftercare.report;

import java.util.Arrays;
import java.util.List;

/**
 * The symptom catalogue of CLINICAL.md section 2. Patients see plain words from the
 * message bundle ({@code symptom.CODE}), never these codes.
 */
public enum Symptom {

	HEADACHE(SymptomGroup.COMMON_LOCAL, "headache"),
	INJECTION_SITE_PAIN(SymptomGroup.COMMON_LOCAL, "injection-site pain"),
	BRUISING(SymptomGroup.COMMON_LOCAL, "bruising"), SWELLING(SymptomGroup.COMMON_LOCAL, "swelling"),
	REDNESS(SymptomGroup.COMMON_LOCAL, "redness"), NAUSEA(SymptomGroup.COMMON_LOCAL, "nausea"),
	FLU_LIKE(SymptomGroup.COMMON_LOCAL, "flu-like symptoms"), NECK_PAIN(SymptomGroup.COMMON_LOCAL, "neck pain"),
	DRY_OR_WATERY_EYES(SymptomGroup.COMMON_LOCAL, "dry or watery eyes"),
	EYELID_DROOP(SymptomGroup.MUSCLE_EFFECT, "eyelid droop"), BROW_DROOP(SymptomGroup.MUSCLE_EFFECT, "brow droop"),
	ASYMMETRY(SymptomGroup.MUSCLE_EFFECT, "asymmetry"),
	TROUBLE_SWALLOWING(SymptomGroup.DISTANT_SPREAD, "trouble swallowing"),
	TROUBLE_BREATHING(SymptomGroup.DISTANT_SPREAD, "trouble breathing"),
	TROUBLE_SPEAKING(SymptomGroup.DISTANT_SPREAD, "trouble speaking"),
	GENERALISED_WEAKNESS(SymptomGroup.DISTANT_SPREAD, "generalised weakness"),
	DOUBLE_OR_BLURRED_VISION(SymptomGroup.DISTANT_SPREAD, "double or blurred vision"),
	LOSS_OF_BLADDER_CONTROL(SymptomGroup.DISTANT_SPREAD, "loss of bladder control"),
	HIVES_OR_ITCHY_WELTS(SymptomGroup.ALLERGIC, "hives or itchy welts"), WHEEZING(SymptomGroup.ALLERGIC, "wheezing"),
	FACE_LIPS_TONGUE_SWELLING(SymptomGroup.ALLERGIC, "face, lips or tongue swelling"),
	FEELING_FAINT(SymptomGroup.ALLERGIC, "feeling faint"), INFECTION_SIGNS(SymptomGroup.INFECTION, "infection signs"),
	OTHER(SymptomGroup.OTHER, "other symptom");

	private final SymptomGroup group;

	private final String label;

	Symptom(SymptomGroup group, String label) {
		this.group = group;
		this.label = label;
	}

	public SymptomGroup group() {
		return group;
	}

	/**
	 * Plain English for the evidence text stored with a flag (patient-facing text lives
	 * in messages).
	 */
	public String label() {
		return label;
	}

	public static List<Symptom> inGroup(SymptomGroup group) {
		return Arrays.stream(values()).filter((s) -> s.group == group).toList();
	}

}
