package org.aftercare.interop;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.aftercare.security.CurrentUser;
import org.aftercare.web.NotFoundException;

/**
 * The flag page's "Prepare a MedWatch 3500 draft" and "Prepare a Yellow Card draft": a
 * PDF to download, never stored by the browser.
 */
@Controller
class RegulatorReportController {

	private final RegulatorReports reports;

	RegulatorReportController(RegulatorReports reports) {
		this.reports = reports;
	}

	@GetMapping("/clinician/flags/{id}/regulator-report/{form}")
	ResponseEntity<byte[]> prepare(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable String form) {
		ReportingScheme which = ReportingScheme.of(form).orElseThrow(() -> new NotFoundException("form"));
		RegulatorReports.Draft draft = this.reports.prepare(user, id, which);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(draft.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(draft.pdf());
	}

}
