package org.aftercare.report;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * What the patient typed on the report form: one entry per symptom of the catalogue (in
 * catalogue order, so {@code entries[i]} is {@code Symptom.values()[i]}), of which the
 * chosen ones are reported. Times are local to the clinic's time zone. Entries are
 * validated one by one by the controller, chosen ones only.
 */
record ReportForm(@NotNull UUID formToken, List<EntryForm> entries, Set<Confounder> otherCauses,
		@Size(max = 500) @PlainText String medicines, MedicinesHelped medicinesHelped, Boolean wentToEmergency,
		Boolean admittedToHospital, @Size(max = 2000) @PlainText(multiline = true) String notes) {

	static ReportForm blank(UUID formToken, LocalDateTime now) {
		List<EntryForm> entries = Arrays.stream(Symptom.values()).map((s) -> EntryForm.blank(s, now)).toList();
		return new ReportForm(formToken, entries, Set.of(), null, null, false, false, null);
	}

	/**
	 * The canonical constructor, written out so that its parameters carry none of the
	 * components' annotations (see {@link EntryForm}'s).
	 */
	ReportForm(UUID formToken, List<EntryForm> entries, Set<Confounder> otherCauses, String medicines,
			MedicinesHelped medicinesHelped, Boolean wentToEmergency, Boolean admittedToHospital, String notes) {
		this.formToken = formToken;
		this.entries = (entries != null) ? entries : List.of();
		this.otherCauses = (otherCauses != null) ? otherCauses : Set.of();
		this.medicines = medicines;
		this.medicinesHelped = medicinesHelped;
		this.wentToEmergency = wentToEmergency;
		this.admittedToHospital = admittedToHospital;
		this.notes = notes;
	}

	boolean nothingChosen() {
		return entries().stream().noneMatch(EntryForm::isChosen);
	}

	String trimmedNotes() {
		return blankToNull(this.notes);
	}

	String trimmedMedicines() {
		return blankToNull(this.medicines);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
