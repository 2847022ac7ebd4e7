package org.aftercare.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.aftercare.AftercareTest;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.patient.PatientId;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of the application, taken from its own request mappings, against every
 * role and anonymous: the wrong role gets 403 (anonymous: the login page), the right role
 * gets 404 for another clinic's or another patient's object, and nothing gets a 500. An
 * endpoint missing from {@link #MATRIX} fails the test: decide who may use it.
 */
@AftercareTest
class AuthorizationMatrixTests {

	/** Who may use an endpoint. */
	enum Access {

		/**
		 * Anyone, signed in or not (login, invitation and reset links, second factor).
		 */
		PUBLIC,
		/** Any signed-in user. */
		SIGNED_IN, PATIENT, CLINICIAN, ADMIN,
		/**
		 * A FHIR API client's bearer token and nothing else: 401 without one, and a
		 * signed-in user is refused too (FhirApiTests covers the tokens).
		 */
		API_CLIENT

	}

	/** The expectation table: "METHOD pattern" to who may use it. */
	static final Map<String, Access> MATRIX = new LinkedHashMap<>();

	static {
		allow(Access.SIGNED_IN, "GET /", "GET /account/password", "POST /account/password", "GET /account/passkeys",
				"POST /account/passkeys/{id}/remove");
		// Staff only in effect: a patient, who has no second factor, gets a 404.
		allow(Access.SIGNED_IN, "GET /account/two-factor", "POST /account/two-factor/replace",
				"POST /account/two-factor/recovery-codes", "POST /account/two-factor/disable");
		allow(Access.PUBLIC, "GET /login", "GET /login/link", "GET /login/link/unusable", "POST /login/link/send",
				"GET /password-reset", "POST /password-reset", "GET /password-reset/{token}",
				"POST /password-reset/{token}", "GET /invitation/{token}", "POST /invitation/{token}",
				"POST /invitation/{token}/email-links", "POST /invitation/{token}/passkey", "GET /two-factor",
				"POST /two-factor", "GET /two-factor/enrol", "POST /two-factor/enrol",
				"GET /two-factor/recovery-codes");
		// The language switch on patients' pages, before signing in too (a signed-in
		// patient's choice is saved on their account; staff pages stay English).
		allow(Access.PUBLIC, "POST /language");
		// A check-in link's pages: anyone may reach them; without the grant its link puts
		// in
		// the session they answer "this link can no longer be used" (CheckInLinkTests).
		allow(Access.PUBLIC, "GET /c/{token}", "GET /check-in", "POST /check-in", "GET /check-in/report",
				"POST /check-in/report", "GET /check-in/advice", "POST /check-in/new-link",
				"GET /check-in/link-unusable");
		// The installable app's manifest, service worker and offline page (in each
		// language): nobody's data (AppShellTests).
		allow(Access.PUBLIC, "GET /manifest.webmanifest", "GET /sw.js", "GET /offline", "GET /offline/{language}");
		allow(Access.PATIENT, "GET /me", "GET /me/recovery/chart", "GET /me/aftercare", "POST /me/aftercare/confirm",
				"GET /me/check-in", "POST /me/check-in", "GET /me/reports/new", "POST /me/reports",
				"GET /me/reports/{id}", "GET /me/reports/{id}/advice", "GET /me/entries/{entryId}/update",
				"POST /me/entries/{entryId}/update", "GET /me/data.json", "GET /me/data.csv", "GET /me/data.zip",
				"GET /me/erasure", "POST /me/erasure", "GET /me/photos/{id}", "GET /me/photos/{id}/thumbnail");
		allow(Access.CLINICIAN, "GET /clinician/flags", "GET /clinician/flags/new-count", "GET /clinician/rules",
				"GET /clinician/flags/{id}", "POST /clinician/flags/{id}/acknowledge",
				"POST /clinician/flags/{id}/contact", "POST /clinician/flags/{id}/follow-up",
				"POST /clinician/flags/{id}/reopen", "POST /clinician/flags/{id}/resolve",
				"GET /clinician/flags/{id}/chart", "GET /clinician/enrol", "POST /clinician/enrol",
				"GET /clinician/enrol/{patientId}/invited", "GET /clinician/reports", "GET /clinician/reports/{id}",
				"GET /clinician/patients", "GET /clinician/patients/{id}",
				"GET /clinician/patients/{patientId}/treatments/new",
				"POST /clinician/patients/{patientId}/treatments/new", "GET /clinician/treatments/{treatmentId}",
				"POST /clinician/patients/{patientId}/resend-invitation", "GET /clinician/analytics",
				"GET /clinician/analytics.json", "GET /clinician/analytics.csv", "GET /clinician/photos/{id}",
				"GET /clinician/photos/{id}/thumbnail");
		allow(Access.ADMIN, "GET /admin/audit", "GET /admin/audit/verify", "GET /admin/audit.csv",
				"GET /admin/security", "POST /admin/security", "GET /admin/aftercare", "POST /admin/aftercare",
				"POST /admin/aftercare/reset", "GET /admin/settings", "POST /admin/settings",
				"GET /admin/triage-settings", "POST /admin/triage-settings", "GET /admin/erasure-requests",
				"POST /admin/erasure-requests/{id}/approve", "POST /admin/erasure-requests/{id}/decline",
				"GET /admin/staff", "POST /admin/staff", "POST /admin/staff/{id}/disable",
				"POST /admin/staff/{id}/enable", "GET /admin/staff/{id}/two-factor-reset",
				"POST /admin/staff/{id}/two-factor-reset", "GET /admin/api-clients", "POST /admin/api-clients",
				"GET /admin/api-clients/{id}/revoke", "POST /admin/api-clients/{id}/revoke");
		allow(Access.CLINICIAN, "GET /clinician/flags/{id}/regulator-report/{form}");
		// What the FHIR API publishes holds no clinic's data: its capabilities, code
		// systems and questionnaire.
		allow(Access.PUBLIC, "GET /fhir/metadata", "GET /fhir/CodeSystem", "GET /fhir/CodeSystem/{id}",
				"GET /fhir/Questionnaire/{id}");
		allow(Access.API_CLIENT, "GET /fhir/{type}", "GET /fhir/{type}/{id}");
	}

	private static void allow(Access access, String... endpoints) {
		for (String endpoint : endpoints) {
			MATRIX.put(endpoint, access);
		}
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private World own;

	private World other;

	private Map<String, CurrentUser> users;

	/** Real ids of the other clinic's objects, by the first segments of the path. */
	private Map<String, UUID> foreign;

	@BeforeEach
	void twoClinics() throws Exception {
		this.own = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		this.other = this.fixtures.world(Instant.now().minus(Duration.ofDays(1)));
		UUID reportId = this.reports
			.submit(NewReport.of(new ClinicId(this.other.clinicId()), new PatientId(this.other.patient().patientId()),
					UUID.randomUUID(),
					List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING, null, 6, 2,
							Instant.now().minus(Duration.ofHours(2)), true, null, null, null, null, null)),
					null))
			.value();
		// A photo of the other clinic's patient, sent with a report as the browser does.
		this.mvc
			.perform(multipart("/me/reports").file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", jpeg()))
				.param("formToken", UUID.randomUUID().toString())
				.param("entries[" + Symptom.BRUISING.ordinal() + "].symptom", Symptom.BRUISING.name())
				.param("entries[" + Symptom.BRUISING.ordinal() + "].chosen", "true")
				.param("entries[" + Symptom.BRUISING.ordinal() + "].severity", "3")
				.param("entries[" + Symptom.BRUISING.ordinal() + "].interference", "0")
				.param("entries[" + Symptom.BRUISING.ordinal() + "].startedAt",
						java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London"))
							.minusHours(2)
							.withSecond(0)
							.withNano(0)
							.toString())
				.param("entries[" + Symptom.BRUISING.ordinal() + "].ongoing", "true")
				.with(user(this.other.patient()))
				.with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		this.mvc.perform(request(org.springframework.http.HttpMethod.POST, "/me/erasure").param("confirm", "true")
			.with(user(this.other.patient()))
			.with(csrf()));
		this.foreign = new LinkedHashMap<>();
		this.foreign.put("/clinician/flags/", one("SELECT id FROM flag WHERE clinic_id = ?"));
		this.foreign.put("/clinician/patients/", this.other.patient().patientId());
		this.foreign.put("/clinician/enrol/", this.other.patient().patientId());
		this.foreign.put("/clinician/reports/", reportId);
		this.foreign.put("/clinician/treatments/", this.other.treatmentId());
		this.foreign.put("/me/reports/", reportId);
		this.foreign.put("/me/entries/", one("SELECT id FROM symptom_entry WHERE clinic_id = ?"));
		this.foreign.put("/me/photos/", one("SELECT id FROM report_photo WHERE clinic_id = ?"));
		this.foreign.put("/clinician/photos/", one("SELECT id FROM report_photo WHERE clinic_id = ?"));
		this.foreign.put("/admin/erasure-requests/", one("SELECT id FROM erasure_request WHERE clinic_id = ?"));
		this.foreign.put("/admin/staff/", this.other.clinician().accountId());
		this.foreign.put("/admin/api-clients/", apiClient(this.other));
		this.users = new LinkedHashMap<>();
		this.users.put("PATIENT", this.own.patient());
		this.users.put("CLINICIAN", this.own.clinician());
		this.users.put("ADMIN", new CurrentUser(UUID.randomUUID(), this.own.clinicId(), null, "admin@test.aftercare",
				"Admin", Role.ADMIN, "Europe/London", null, true));
	}

	/** An API client of the clinic, made by its admin on the admin page. */
	private UUID apiClient(World world) throws Exception {
		CurrentUser admin = new CurrentUser(world.clinician().accountId(), world.clinicId(), null,
				world.clinicianEmail(), "Admin", Role.ADMIN, "Europe/London", null, true);
		this.mvc
			.perform(request(org.springframework.http.HttpMethod.POST, "/admin/api-clients").param("name", "Warehouse")
				.with(user(admin))
				.with(csrf()));
		return this.jdbc.sql("SELECT id FROM api_client WHERE clinic_id = ? LIMIT 1")
			.param(world.clinicId())
			.query(UUID.class)
			.single();
	}

	/** A small JPEG. */
	private static byte[] jpeg() throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"jpeg", out);
		return out.toByteArray();
	}

	private UUID one(String sql) {
		return this.jdbc.sql(sql + " LIMIT 1").param(this.other.clinicId()).query(UUID.class).single();
	}

	@Test
	void everyEndpointIsInTheMatrix() {
		Set<String> endpoints = endpoints();
		Set<String> missing = new TreeSet<>(endpoints);
		missing.removeAll(MATRIX.keySet());
		assertThat(missing).as("endpoints with no entry in AuthorizationMatrixTests.MATRIX: add them to the matrix")
			.isEmpty();
		Set<String> stale = new TreeSet<>(MATRIX.keySet());
		stale.removeAll(endpoints);
		assertThat(stale).as("matrix entries for endpoints that no longer exist").isEmpty();
	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysAndNeverAServerError() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String endpoint : endpoints()) {
			Access access = MATRIX.get(endpoint);
			if (access == null) {
				continue; // reported by everyEndpointIsInTheMatrix
			}
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			String path = fill(pattern);
			boolean objectPath = !path.equals(pattern) && !pattern.contains("{token}");
			if (access == Access.API_CLIENT) {
				check(problems, endpoint, "anonymous", send(method, path, null), "401");
				for (Map.Entry<String, CurrentUser> role : this.users.entrySet()) {
					check(problems, endpoint, role.getKey(), send(method, path, role.getValue()), "refused");
				}
				continue;
			}
			check(problems, endpoint, "anonymous", send(method, path, null),
					(access == Access.PUBLIC) ? "public" : "login");
			for (Map.Entry<String, CurrentUser> role : this.users.entrySet()) {
				boolean allowed = access == Access.PUBLIC || access == Access.SIGNED_IN
						|| access.name().equals(role.getKey());
				String expected = !allowed ? "403" : objectPath ? "404" : (access == Access.PUBLIC) ? "public" : null;
				check(problems, endpoint, role.getKey(), send(method, path, role.getValue()), expected);
			}
		}
		assertThat(problems).as("authorization matrix").isEmpty();
	}

	private static void check(List<String> problems, String endpoint, String who, MockHttpServletResponse response,
			String expected) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status >= 500) {
			problems.add(endpoint + " as " + who + ": " + status);
		}
		else if ("login".equals(expected)) {
			if (status != 302 || location == null || !location.endsWith("/login")) {
				problems
					.add(endpoint + " as " + who + ": expected a redirect to /login, got " + status + " " + location);
			}
		}
		else if ("401".equals(expected) && status != 401) {
			problems.add(endpoint + " as " + who + ": expected 401, got " + status);
		}
		else if ("refused".equals(expected) && status != 401 && status != 403) {
			problems.add(endpoint + " as " + who + ": expected 401 or 403, got " + status);
		}
		else if ("403".equals(expected) && status != 403) {
			problems.add(endpoint + " as " + who + ": expected 403, got " + status);
		}
		else if ("public".equals(expected) && status == 403) {
			// A public page may still send someone without a pending sign-in to the
			// login page: that is its own logic, not a refusal.
			problems.add(endpoint + " as " + who + ": refused (403) but public");
		}
		else if ("404".equals(expected) && status != 404) {
			problems.add(endpoint + " as " + who + ": expected 404 for another clinic's object, got " + status);
		}
		else if (expected == null && (status == 403 || (location != null && location.endsWith("/login")))) {
			problems.add(endpoint + " as " + who + ": refused (" + status + ") but allowed by the matrix");
		}
	}

	private MockHttpServletResponse send(String method, String path, CurrentUser user) throws Exception {
		MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(method), path);
		if ("POST".equals(method)) {
			// A well-formed body, so that a refusal comes from who is asking, not from
			// the form (a flag action without its version goes back to the form).
			request.with(csrf()).param("version", "0").param("kind", "CALLED").param("note", "called");
		}
		if (user != null) {
			request.with(user(user));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private String fill(String pattern) {
		Matcher variables = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String value;
			if (variables.group(1).equals("token")) {
				value = "not-a-real-token-" + UUID.randomUUID();
			}
			else {
				value = this.foreign.entrySet()
					.stream()
					.filter((e) -> pattern.startsWith(e.getKey()))
					.map((e) -> e.getValue().toString())
					.findFirst()
					.orElseGet(() -> UUID.randomUUID().toString());
			}
			variables.appendReplacement(path, value);
		}
		variables.appendTail(path);
		return path.toString();
	}

	/**
	 * "METHOD pattern" for every handler of the application (Spring's error page aside).
	 */
	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				if (methods.isEmpty()) {
					endpoints.add("GET " + pattern);
					endpoints.add("POST " + pattern);
				}
				for (RequestMethod method : methods) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

}
