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

	/**
	 * The canonical constructor, written out so that its parameters carry none of the
	 * components' annotations, which stay on the fields where validation reads them: the
	 * JDK parses a constructor's parameter annotations afresh each time Spring's binding
	 * asks, several times a parameter on every request (GetFormConstructorTests).
	 */
	AuditFilter(UUID patient, UUID user, String action, LocalDate from, LocalDate to, Long before) {
		this.patient = patient;
		this.user = user;
		this.action = action;
		this.from = from;
		this.to = to;
		this.before = before;
	}

	AuditFilter firstPage() {
		return new AuditFilter(this.patient, this.user, this.action, this.from, this.to, null);
	}

}
