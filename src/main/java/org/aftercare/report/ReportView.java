package org.aftercare.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.aftercare.patient.PatientId;
import org.aftercare.treatment.TreatmentId;

/** A saved report with its entries, as pages and the rules read it. */
public record ReportView(ReportId id, PatientId patientId, TreatmentId treatmentId, Instant submittedAt,
		boolean noNewSymptoms, Set<Confounder> otherCauses, String medicines, MedicinesHelped medicinesHelped,
		boolean wentToEmergency, boolean admittedToHospital, String notes, List<EntryView> entries) {
}
