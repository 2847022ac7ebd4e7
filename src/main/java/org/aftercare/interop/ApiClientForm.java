package org.aftercare.interop;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.aftercare.web.Ids;
import org.aftercare.web.PlainText;

/**
 * A new API client: its name, so that the admin knows later which system holds it, and
 * the form's one-time token, so that the form sent twice creates one client.
 */
record ApiClientForm(@NotBlank @Size(max = 80) @PlainText String name, UUID formToken) {

	static ApiClientForm blank() {
		return new ApiClientForm(null, Ids.next());
	}

	/** The form with a token: one from before the token existed gets its own. */
	ApiClientForm complete() {
		return (this.formToken != null) ? this : new ApiClientForm(this.name, Ids.next());
	}

}
