package org.aftercare.treatment;

import java.util.ArrayList;
import java.util.List;

import org.aftercare.patient.Intake;

/**
 * What the intake says the injector should weigh before treating (the Medication Guides'
 * warnings, CLINICAL.md section 1). Warnings, never blocks: the clinician decides.
 */
enum IntakeWarning {

	TOXIN_IN_LAST_4_MONTHS, NEUROMUSCULAR_DISEASE, RECENT_AMINOGLYCOSIDES, PREGNANT_OR_BREASTFEEDING,

	/** AbobotulinumtoxinA contains cow's milk protein. */
	COWS_MILK_ALLERGY;

	/**
	 * The warnings for this patient and product; with no product chosen yet, the
	 * cow's-milk warning shows so that it is read before abobotulinumtoxinA is picked.
	 */
	static List<IntakeWarning> of(Intake intake, Product product) {
		List<IntakeWarning> warnings = new ArrayList<>();
		if (intake.toxinInLast4Months()) {
			warnings.add(TOXIN_IN_LAST_4_MONTHS);
		}
		if (intake.neuromuscularDisease()) {
			warnings.add(NEUROMUSCULAR_DISEASE);
		}
		if (intake.recentAminoglycosides()) {
			warnings.add(RECENT_AMINOGLYCOSIDES);
		}
		if (intake.pregnantOrBreastfeeding()) {
			warnings.add(PREGNANT_OR_BREASTFEEDING);
		}
		if (intake.cowsMilkAllergy() && (product == null || product == Product.ABOBOTULINUMTOXINA)) {
			warnings.add(COWS_MILK_ALLERGY);
		}
		return warnings;
	}

}
