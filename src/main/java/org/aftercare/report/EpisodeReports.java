package org.aftercare.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.aftercare.patient.PatientId;
import org.aftercare.report.EntryView;
import org.aftercare.report.ReportView;
import org.aftercare.treatment.TreatmentId;

/**
 * A treatment episode's reports with their entries, read in one statement straight into
 * their views: on the flag page, the Hibernate load of the same rows (entities, fetch
 * join, auto-flush, then the views) was 9% of the page's time. The same rows in the same
 * order as the entities give: reports by time, entries by position.
 * {@code SymptomReportRepositoryTests} compares the two.
 */
@Component
class EpisodeReports {

	private final JdbcClient jdbc;

	EpisodeReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ReportView> read(UUID clinicId, UUID treatmentId) {
		Map<UUID, ReportView> reports = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT r.id, r.patient_id, r.treatment_id, r.submitted_at, r.no_new_symptoms, r.other_causes,
				       r.medicines, r.medicines_helped, r.went_to_emergency, r.admitted_to_hospital, r.notes,
				       e.id AS entry_id, e.symptom, e.other_description, e.severity, e.interference, e.started_at,
				       e.ongoing, e.stopped_at, e.pre_existing, e.sudden_worst_ever, e.fever_or_stiff_neck,
				       e.neurological_signs, e.updates_entry_id
				  FROM symptom_report r
				  LEFT JOIN symptom_entry e ON e.clinic_id = r.clinic_id AND e.report_id = r.id
				 WHERE r.clinic_id = ? AND r.treatment_id = ?
				 ORDER BY r.submitted_at, r.id, e.position
				""").params(clinicId, treatmentId).query((ResultSet row) -> {
			UUID id = row.getObject("id", UUID.class);
			ReportView report = reports.get(id);
			if (report == null) {
				String helped = row.getString("medicines_helped");
				report = new ReportView(new ReportId(id), new PatientId(row.getObject("patient_id", UUID.class)),
						new TreatmentId(row.getObject("treatment_id", UUID.class)), instant(row, "submitted_at"),
						row.getBoolean("no_new_symptoms"), SymptomReport.otherCauses(row.getString("other_causes")),
						row.getString("medicines"), helped == null ? null : MedicinesHelped.valueOf(helped),
						row.getBoolean("went_to_emergency"), row.getBoolean("admitted_to_hospital"),
						row.getString("notes"), new ArrayList<>());
				reports.put(id, report);
			}
			UUID entryId = row.getObject("entry_id", UUID.class);
			if (entryId != null) {
				report.entries()
					.add(new EntryView(entryId, Symptom.valueOf(row.getString("symptom")),
							row.getString("other_description"), integer(row, "severity"), integer(row, "interference"),
							instant(row, "started_at"), row.getBoolean("ongoing"), instant(row, "stopped_at"),
							row.getBoolean("pre_existing"), bool(row, "sudden_worst_ever"),
							bool(row, "fever_or_stiff_neck"), bool(row, "neurological_signs"),
							row.getObject("updates_entry_id", UUID.class)));
			}
		});
		List<ReportView> episode = new ArrayList<>(reports.size());
		for (ReportView report : reports.values()) {
			episode.add(new ReportView(report.id(), report.patientId(), report.treatmentId(), report.submittedAt(),
					report.noNewSymptoms(), report.otherCauses(), report.medicines(), report.medicinesHelped(),
					report.wentToEmergency(), report.admittedToHospital(), report.notes(),
					List.copyOf(report.entries())));
		}
		return episode;
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Integer integer(ResultSet row, String column) throws SQLException {
		int value = row.getInt(column);
		return row.wasNull() ? null : value;
	}

	private static Boolean bool(ResultSet row, String column) throws SQLException {
		boolean value = row.getBoolean(column);
		return row.wasNull() ? null : value;
	}

}
