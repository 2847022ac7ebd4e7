package org.aftercare.interop;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import org.springframework.http.HttpStatus;

/** A FHIR request that ends in an OperationOutcome with this status and issue. */
class FhirException extends RuntimeException {

	private final HttpStatus status;

	private final IssueType issue;

	FhirException(HttpStatus status, IssueType issue, String message) {
		super(message);
		this.status = status;
		this.issue = issue;
	}

	static FhirException badRequest(String message) {
		return new FhirException(HttpStatus.BAD_REQUEST, IssueType.INVALID, message);
	}

	/** What does not exist, or is another clinic's: the same answer. */
	static FhirException notFound(String type, String id) {
		return new FhirException(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, type + "/" + id + " is not known");
	}

	HttpStatus status() {
		return this.status;
	}

	IssueType issue() {
		return this.issue;
	}

}
