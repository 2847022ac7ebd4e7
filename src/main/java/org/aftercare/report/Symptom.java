package org.aftercare.report;

import java.util.Arrays;
import java.util.List;

/**
 * The symptom catalogue of CLINICAL.md section 2. Patients see plain words from the message bundle
 * ({@code symptom.CODE}), never these codes.
 */
public enum Symptom {

	HEADACHE(SymptomGroup.COMMON_LOCAL), INJECTION_SITE_PAIN(SymptomGroup.COMMON_LOCAL),
	BRUISING(SymptomGroup.COMMON_LOCAL), SWELLING(SymptomGroup.COMMON_LOCAL), REDNESS(SymptomGroup.COMMON_LOCAL),
	NAUSEA(SymptomGroup.COMMON_LOCAL), FLU_LIKE(SymptomGroup.COMMON_LOCAL), NECK_PAIN(SymptomGroup.COMMON_LOCAL),
	DRY_OR_WATERY_EYES(SymptomGroup.COMMON_LOCAL),

	EYELID_DROOP(SymptomGroup.MUSCLE_EFFECT), BROW_DROOP(SymptomGroup.MUSCLE_EFFECT),
	ASYMMETRY(SymptomGroup.MUSCLE_EFFECT),

	TROUBLE_SWALLOWING(SymptomGroup.DISTANT_SPREAD), TROUBLE_BREATHING(SymptomGroup.DISTANT_SPREAD),
	TROUBLE_SPEAKING(SymptomGroup.DISTANT_SPREAD), GENERALISED_WEAKNESS(SymptomGroup.DISTANT_SPREAD),
	DOUBLE_OR_BLURRED_VISION(SymptomGroup.DISTANT_SPREAD), LOSS_OF_BLADDER_CONTROL(SymptomGroup.DISTANT_SPREAD),

	HIVES_OR_ITCHY_WELTS(SymptomGroup.ALLERGIC), WHEEZING(SymptomGroup.ALLERGIC),
	FACE_LIPS_TONGUE_SWELLING(SymptomGroup.ALLERGIC), FEELING_FAINT(SymptomGroup.ALLERGIC),

	INFECTION_SIGNS(SymptomGroup.INFECTION),

	OTHER(SymptomGroup.OTHER);

	private final SymptomGroup group;

	Symptom(SymptomGroup group) {
		this.group = group;
	}

	public SymptomGroup group() {
		return this.group;
	}

	public static List<Symptom> inGroup(SymptomGroup group) {
		return Arrays.stream(values()).filter((s) -> s.group == group).toList();
	}

}
