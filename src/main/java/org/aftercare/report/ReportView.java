package org.aftercare.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A saved report with its entries, as pages and the rules read it. */
public record ReportView(UUID id, UUID patientId, UUID treatmentId, Instant submittedAt, boolean noNewSymptoms,
		Set<Confounder> otherCauses, String medicines, MedicinesHelped medicinesHelped, boolean wentToEmergency,
		boolean admittedToHospital, String notes, List<EntryView> entries) {
}
