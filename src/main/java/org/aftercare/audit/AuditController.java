package org.aftercare.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.aftercare.security.CurrentUser;
import org.aftercare.web.CsvCells;

/**
 * The clinic admin's view of the audit trail: filters, CSV export and the chain check.
 * Looking at the trail is itself audited.
 */
@Controller
class AuditController {

	private final AuditTrail trail;

	private final AuditLog log;

	AuditController(AuditTrail trail, AuditLog log) {
		this.trail = trail;
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String showAudit(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") AuditFilter filter,
			BindingResult result, Model model, HttpServletResponse response) {
		model.addAttribute("actions", this.trail.actions(user.clinicId().value()));
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			result.rejectValue("to", "audit.filter.toBeforeFrom");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new AuditTrail.Page(java.util.List.of(), null));
			return "audit/list";
		}
		model.addAttribute("page", this.trail.page(user.clinicId().value(), filter, user.zone()));
		this.log.record(new AuditEvent(user.clinicId(), filter.patient(), AuditAction.AUDIT_VIEWED, null, null, null));
		return "audit/list";
	}

	@GetMapping("/admin/audit/verify")
	String verify(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("verification", this.trail.verify(user.clinicId().value()));
		return "audit/verify";
	}

	@GetMapping("/admin/audit.csv")
	void exportAudit(@AuthenticationPrincipal CurrentUser user, @Valid AuditFilter filter, BindingResult result,
			HttpServletResponse response) throws IOException {
		if (result.hasErrors()) {
			response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return;
		}
		this.log
			.record(new AuditEvent(user.clinicId(), filter.patient(), AuditAction.AUDIT_EXPORTED, null, null, null));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		DateTimeFormatter utc = DateTimeFormatter.ISO_INSTANT;
		try (PrintWriter writer = response.getWriter();
				CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder()
							.setHeader("seq", "time_utc", "actor", "role", "patient", "action", "object_type",
									"object_id", "outcome", "detail", "ip", "row_hash")
							.get())) {
			for (AuditTrail.Entry e : this.trail.export(user.clinicId().value(), filter.firstPage(), user.zone())) {
				csv.printRecord(e.seq(), utc.format(e.at()), CsvCells.neutralise(e.actorName()), e.role(),
						CsvCells.neutralise(e.patientName()), e.action(), e.objectType(), e.objectId(), e.outcome(),
						CsvCells.neutralise(e.detail()), e.ip(), e.rowHash());
			}
		}
	}

}
