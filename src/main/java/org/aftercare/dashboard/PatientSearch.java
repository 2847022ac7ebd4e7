package org.aftercare.dashboard;

import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * The patient list's query string: a name to search for and where the page starts. Empty
 * means every patient, from the first.
 */
record PatientSearch(@Size(max = 80) @PlainText String q, @Size(max = 200) @PlainText String after) {

	public String search() {
		return (this.q == null || this.q.isBlank()) ? null : this.q.strip();
	}

}
