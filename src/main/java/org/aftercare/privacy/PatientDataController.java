package org.aftercare.privacy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

import org.aftercare.report.EntryView;
import org.aftercare.report.ReportPhoto;
import org.aftercare.report.ReportView;
import org.aftercare.security.CurrentUser;
import org.aftercare.web.CsvCells;

/**
 * A patient downloads all their data: the whole of it as JSON, their symptom entries as
 * CSV for a spreadsheet, or both with their photos as one ZIP file.
 */
@Controller
class PatientDataController {

	private static final String JSON_NAME = "aftercare-my-data.json";

	private static final String CSV_NAME = "aftercare-my-symptoms.csv";

	private final PatientDataExport export;

	private final JsonMapper json;

	PatientDataController(PatientDataExport export, JsonMapper json) {
		this.export = export;
		this.json = json;
	}

	@GetMapping(path = "/me/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PatientDataExport.PatientData> downloadJson(@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + JSON_NAME + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.export.export(user.clinicId().value(), user.patientId(), "json"));
	}

	/** One row per symptom entry, with its report and treatment beside it. */
	@GetMapping("/me/data.csv")
	void downloadCsv(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		PatientDataExport.PatientData data = this.export.export(user.clinicId().value(), user.patientId(), "csv");
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CSV_NAME + "\"");
		try (PrintWriter writer = response.getWriter()) {
			printCsv(data, writer);
		}
	}

	/**
	 * The JSON and the CSV above, and every photo the patient sent as a JPEG file named
	 * by its id in the JSON's list of photos. Streamed: one photo in memory at a time.
	 */
	@GetMapping("/me/data.zip")
	void downloadZip(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		PatientDataExport.PatientData data = this.export.export(user.clinicId().value(), user.patientId(), "zip");
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aftercare-my-data.zip\"");
		try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream(), StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry(JSON_NAME));
			zip.write(this.json.writeValueAsBytes(data));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(CSV_NAME));
			Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			printCsv(data, csv);
			csv.flush();
			zip.closeEntry();
			for (ReportPhoto photo : data.photos()) {
				Optional<byte[]> image = this.export.photo(user.clinicId().value(), user.patientId(), photo.id());
				if (image.isPresent()) {
					zip.putNextEntry(new ZipEntry(photoName(photo)));
					zip.write(image.get());
					zip.closeEntry();
				}
			}
		}
	}

	/** A photo's file in the ZIP download. */
	static String photoName(ReportPhoto photo) {
		return "photos/photo-" + photo.id() + ".jpg";
	}

	/** Prints the CSV, leaving {@code out} open (in the ZIP, more entries follow). */
	private static void printCsv(PatientDataExport.PatientData data, Appendable out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("treatment_id", "treated_at_utc", "product", "report_id", "submitted_at_utc", "entry_id",
							"symptom", "other_description", "severity", "interference", "started_at_utc", "ongoing",
							"stopped_at_utc", "pre_existing", "updates_entry_id", "other_causes", "medicines",
							"medicines_helped", "went_to_emergency", "admitted_to_hospital", "notes")
					.get());
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
							CsvCells.neutralise(report.medicines()), report.medicinesHelped(), report.wentToEmergency(),
							report.admittedToHospital(), CsvCells.neutralise(report.notes()));
				}
			}
		}
		csv.flush();
	}

	private static String utc(Instant instant) {
		return (instant == null) ? null : instant.toString();
	}

}
