package org.aftercare.privacy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import org.aftercare.report.EntryView;
import org.aftercare.report.ReportView;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.CsvCells;

/**
 * A patient downloads all their data: the whole of it as JSON, their symptom entries as
 * CSV for a spreadsheet.
 */
@Controller
class PatientDataController {

	private final PatientDataExport export;

	PatientDataController(PatientDataExport export) {
		this.export = export;
	}

	@GetMapping(path = "/me/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PatientDataExport.PatientData> downloadJson(@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aftercare-my-data.json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.export.export(user.clinicId().value(), user.patientId(), "json"));
	}

	/** One row per symptom entry, with its report and treatment beside it. */
	@GetMapping("/me/data.csv")
	void downloadCsv(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		PatientDataExport.PatientData data = this.export.export(user.clinicId().value(), user.patientId(), "csv");
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aftercare-my-symptoms.csv\"");
		try (PrintWriter writer = response.getWriter();
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
					.setHeader("treatment_id", "treated_at_utc", "product", "report_id", "submitted_at_utc", "entry_id",
							"symptom", "other_description", "severity", "interference", "started_at_utc", "ongoing",
							"stopped_at_utc", "pre_existing", "updates_entry_id", "other_causes", "medicines",
							"medicines_helped", "went_to_emergency", "admitted_to_hospital", "notes")
					.get())) {
			for (PatientDataExport.Episode episode : data.treatments()) {
				for (ReportView report : episode.reports()) {
					String otherCauses = report.otherCauses()
						.stream()
						.map(Enum::name)
						.sorted()
						.collect(Collectors.joining(" "));
					for (EntryView entry : report.entries()) {
						csv.printRecord(episode.treatment().id(), utc(episode.treatment().treatedAt()),
								episode.treatment().product(), report.id(), utc(report.submittedAt()), entry.id(),
								entry.symptom(), CsvCells.neutralise(entry.otherDescription()), entry.severity(),
								entry.interference(), utc(entry.startedAt()), entry.ongoing(), utc(entry.stoppedAt()),
								entry.preExisting(), entry.updatesEntryId(), otherCauses,
								CsvCells.neutralise(report.medicines()), report.medicinesHelped(),
								report.wentToEmergency(), report.admittedToHospital(),
								CsvCells.neutralise(report.notes()));
					}
				}
			}
		}
	}

	private static String utc(Instant instant) {
		return (instant == null) ? null : instant.toString();
	}

}
