package org.aftercare.dashboard;

import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The patient list's query string: a name to search for and where the page starts. Empty
 * means every patient, from the first.
 */
record PatientSearch(@Size(max = 80) @PlainText String q, @Size(max = 200) @PlainText String after) {

	/**
	 * The canonical constructor, written out so that its parameters carry none of the
	 * components' annotations, which stay on the fields where validation reads them: the
	 * JDK parses a constructor's parameter annotations afresh each time Spring's binding
	 * asks, several times a parameter on every request (GetFormConstructorTests).
	 */
	PatientSearch(String q, String after) {
		this.q = q;
		this.after = after;
	}

	public String search() {
		return (this.q == null || this.q.isBlank()) ? null : this.q.strip();
	}

}
