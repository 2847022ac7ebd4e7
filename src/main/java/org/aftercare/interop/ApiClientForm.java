package org.aftercare.interop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.aftercare.web.PlainText;

/** A new API client: its name, so that the admin knows later which system holds it. */
record ApiClientForm(@NotBlank @Size(max = 80) @PlainText String name) {

	static ApiClientForm blank() {
		return new ApiClientForm(null);
	}

}
