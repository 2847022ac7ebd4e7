package org.aftercare.audit;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The admin's filters on the audit trail. Empty means "any".
 */
record AuditFilter(UUID patient, UUID user, @Size(max = 40) @PlainText String action, LocalDate from, LocalDate to,
		Long before) {

	AuditFilter firstPage() {
		return new AuditFilter(this.patient, this.user, this.action, this.from, this.to, null);
	}

}
