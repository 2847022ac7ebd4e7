package org.aftercare.interop;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.aftercare.triage.Causality;
import org.aftercare.triage.Outcome;
import org.aftercare.triage.Seriousness;

/**
 * What Aftercare holds of one case for a regulator's report, already in words; a
 * {@code null} is a field it does not hold, which the draft leaves visibly blank.
 */
record RegulatorCase(String caseId, String patientInitials, Integer ageAtEvent, String sex, String event,
		String description, LocalDate eventDate, LocalDate eventStopped, LocalDate reportDate, boolean serious,
		Set<Seriousness.Criterion> criteria, Outcome outcome, Causality causality, String history,
		String otherMedicines, String product, String lot, String dose, String route, LocalDate treatedOn,
		String indication, String reporterName, String reporterEmail, String clinicName, String clinicPhone,
		List<String> symptoms) {
}
