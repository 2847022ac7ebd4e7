package org.aftercare.triage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.aftercare.report.Symptom;
import org.aftercare.treatment.Product;
import org.aftercare.triage.rules.Priority;
import org.aftercare.web.PlainText;

/**
 * The queue's filters, from the query string. Empty means "any".
 */
record QueueFilter(Priority priority, View view, Symptom symptom, Product product, UUID injector, LocalDate from,
		LocalDate to, Assigned assigned, @Size(max = 80) @PlainText String q, @Size(max = 120) String after) {

	/**
	 * The canonical constructor, written out so that its parameters carry none of the
	 * components' annotations, which stay on the fields where validation reads them: the
	 * JDK parses a constructor's parameter annotations afresh each time Spring's binding
	 * asks, several times a parameter on every request (GetFormConstructorTests).
	 */
	QueueFilter(Priority priority, View view, Symptom symptom, Product product, UUID injector, LocalDate from,
			LocalDate to, Assigned assigned, String q, String after) {
		this.priority = priority;
		this.view = view;
		this.symptom = symptom;
		this.product = product;
		this.injector = injector;
		this.from = from;
		this.to = to;
		this.assigned = assigned;
		this.q = q;
		this.after = after;
	}

	/** Which flags: the open queue (open and acknowledged), the resolved ones, or all. */
	enum View {

		OPEN, RESOLVED, ALL

	}

	enum Assigned {

		MINE, UNASSIGNED

	}

	View effectiveView() {
		return this.view == null ? View.OPEN : this.view;
	}

	String search() {
		return (this.q == null || this.q.isBlank()) ? null : this.q.strip();
	}

	/**
	 * The same filters without the cursor, for the links of the next page and the filter
	 * form.
	 */
	QueueFilter firstPage() {
		return new QueueFilter(this.priority, this.view, this.symptom, this.product, this.injector, this.from, this.to,
				this.assigned, this.q, null);
	}

}
