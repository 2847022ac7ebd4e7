package org.aftercare.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.aftercare.security.CurrentUser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Builds report form posts as a browser sends them: {@code entries[i]} is the i-th
 * symptom of the catalogue.
 */
final class ReportRequests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Map<String, String> fields = new LinkedHashMap<>();

	private final CurrentUser user;

	private ReportRequests(CurrentUser user, UUID token) {
		this.user = user;
		this.fields.put("formToken", token.toString());
	}

	static ReportRequests report(CurrentUser user) {
		return new ReportRequests(user, UUID.randomUUID());
	}

	static ReportRequests report(CurrentUser user, UUID token) {
		return new ReportRequests(user, token);
	}

	/**
	 * A valid entry (5/10, "a little bit", started 4 hours ago, still going on; a
	 * headache's red-flag answers "no"); pairs of name and value replace its fields.
	 */
	ReportRequests entry(Symptom symptom, String... overrides) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("symptom", symptom.name());
		entry.put("chosen", "true");
		entry.put("severity", "5");
		entry.put("interference", "1");
		entry.put("startedAt", local(Instant.now().minus(Duration.ofHours(4))));
		entry.put("ongoing", "true");
		if (symptom == Symptom.HEADACHE) {
			entry.put("suddenWorstEver", "false");
			entry.put("feverOrStiffNeck", "false");
			entry.put("neurologicalSigns", "false");
		}
		for (int i = 0; i < overrides.length; i += 2) {
			entry.put(overrides[i], overrides[i + 1]);
		}
		entry.forEach((name, value) -> {
			if (value != null) {
				this.fields.put("entries[" + symptom.ordinal() + "]." + name, value);
			}
		});
		return this;
	}

	/** A report-level field (otherCauses, medicines, notes, ...). */
	ReportRequests with(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	MockHttpServletRequestBuilder build() {
		return fill(post("/me/reports").with(user(this.user)).with(csrf()));
	}

	/** The form as the browser sends it with photos chosen: multipart. */
	MockMultipartHttpServletRequestBuilder buildWithPhotos(MockMultipartFile... photos) {
		MockMultipartHttpServletRequestBuilder request = multipart("/me/reports");
		for (MockMultipartFile photo : photos) {
			request.file(photo);
		}
		return fill(request.with(user(this.user)).with(csrf()));
	}

	/** The same form as a check-in link's holder sends it: nobody signed in. */
	MockHttpServletRequestBuilder buildViaLink() {
		return fill(post("/check-in/report").with(csrf()));
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B fill(B request) {
		this.fields.forEach((name, value) -> {
			for (String v : value.split("\\|")) {
				request.param(name, v);
			}
		});
		return request;
	}

	static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, LONDON).truncatedTo(ChronoUnit.MINUTES).toString();
	}

}
