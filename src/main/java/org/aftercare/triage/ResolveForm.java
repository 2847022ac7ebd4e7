package org.aftercare.triage;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/**
 * What the clinician concludes on closing a flag (CLINICAL.md section 7).
 */
record ResolveForm(@NotNull Long version, @NotNull Outcome outcome, @NotNull Causality causality,
		@NotNull Seriousness seriousness, List<Seriousness.Criterion> criteria,
		@Size(max = 2000) @PlainText(multiline = true) String note) {

	Resolution resolution() {
		return new Resolution(this.outcome, this.causality, this.seriousness, criteriaText(), trimmedNote());
	}

	String criteriaText() {
		return (this.criteria == null || this.criteria.isEmpty()) ? null
				: this.criteria.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	String trimmedNote() {
		return (this.note == null || this.note.isBlank()) ? null : this.note.strip();
	}

}
