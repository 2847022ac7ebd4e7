package org.aftercare.interop;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The FHIR R4 API, read-only, under {@code /fhir}: the CapabilityStatement, our code
 * systems and the report form's Questionnaire for anyone (no patient data), and the
 * clinic's data for its API clients. Spring MVC with HAPI's model and parser, not HAPI's
 * {@code RestfulServer}: the API was built this way when only HAPI 8.12 was tried, whose
 * server artifact did not resolve here, and it stays so because it keeps one security
 * chain, the clinic scope and the audit path with the rest of the app. The 8.6.5 server
 * does resolve, so a move is possible (docs/api.md).
 */
@Controller
class FhirController {

	private static final Logger log = LoggerFactory.getLogger(FhirController.class);

	private final FhirApi api;

	private final FhirCapabilities capabilities;

	FhirController(FhirApi api, FhirCapabilities capabilities) {
		this.api = api;
		this.capabilities = capabilities;
	}

	@GetMapping("/fhir/metadata")
	ResponseEntity<String> metadata(HttpServletRequest request) {
		return FhirResponses.ok(this.capabilities.statement(), request);
	}

	@GetMapping("/fhir/CodeSystem/{id}")
	ResponseEntity<String> codeSystem(@PathVariable String id, HttpServletRequest request) {
		CodeSystems codes = this.api.resources().codes();
		CodeSystem system = codes.byId(id)
			.map(codes::resource)
			.orElseThrow(() -> FhirException.notFound("CodeSystem", id));
		return FhirResponses.ok(system, request);
	}

	@GetMapping("/fhir/CodeSystem")
	ResponseEntity<String> codeSystems(HttpServletRequest request) {
		CodeSystems codes = this.api.resources().codes();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		bundle.setTotal(CodeSystems.ALL.size());
		bundle.addLink().setRelation("self").setUrl(this.api.fhirBase() + "/CodeSystem");
		for (CodeSystems.Definition definition : CodeSystems.ALL) {
			bundle.addEntry()
				.setFullUrl(codes.url(definition))
				.setResource(codes.resource(definition))
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		return FhirResponses.ok(bundle, request);
	}

	@GetMapping("/fhir/Questionnaire/{id}")
	ResponseEntity<String> questionnaire(@PathVariable String id, HttpServletRequest request) {
		if (!FhirResources.QUESTIONNAIRE_ID.equals(id)) {
			throw FhirException.notFound("Questionnaire", id);
		}
		return FhirResponses.ok(this.api.resources().questionnaire(), request);
	}

	@GetMapping("/fhir/{type}/{id}")
	ResponseEntity<String> read(@AuthenticationPrincipal ApiClientPrincipal client, @PathVariable String type,
			@PathVariable String id, HttpServletRequest request) {
		FhirType resourceType = type(type);
		UUID uuid = uuid(resourceType, id);
		return FhirResponses.ok(this.api.read(client, resourceType, uuid), request);
	}

	@GetMapping("/fhir/{type}")
	ResponseEntity<String> search(@AuthenticationPrincipal ApiClientPrincipal client, @PathVariable String type,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		FhirType resourceType = type(type);
		FhirSearch search = FhirSearch.parse(parameters, resourceType.hasPatient());
		String path = this.api.fhirBase() + "/" + resourceType.resourceName();
		String self = UriComponentsBuilder.fromUriString(path).queryParams(parameters).build().toUriString();
		Bundle bundle = this.api.search(client, resourceType, search, self, (cursor) -> {
			UriComponentsBuilder next = UriComponentsBuilder.fromUriString(path);
			parameters.forEach((name, values) -> {
				if (!name.equals("_cursor")) {
					next.queryParam(name, values.toArray());
				}
			});
			return next.queryParam("_cursor", cursor).build().toUriString();
		});
		return FhirResponses.ok(bundle, request);
	}

	@ExceptionHandler(FhirException.class)
	ResponseEntity<String> refused(FhirException ex, HttpServletRequest request) {
		return FhirResponses.outcome(ex.status(), ex.issue(), ex.getMessage(), request);
	}

	/**
	 * The database out of reach: an OperationOutcome a client can act on (503, transient:
	 * try again), not the app's HTML page, which {@code DatabaseUnavailableAdvice} would
	 * answer with; a handler of the controller itself comes before the advice.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class,
			DataAccessResourceFailureException.class })
	ResponseEntity<String> databaseUnavailable(Exception ex, HttpServletRequest request) {
		log.error("Database unavailable for the FHIR API: {}", ex.getMessage());
		return FhirResponses.unavailable(request);
	}

	private static FhirType type(String name) {
		return FhirType.of(name)
			.orElseThrow(() -> new FhirException(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTSUPPORTED,
					"This server has no resources of type " + name));
	}

	/** An id that is not one of ours names nothing here. */
	private static UUID uuid(FhirType type, String id) {
		try {
			UUID uuid = UUID.fromString(id);
			if (uuid.toString().equals(id)) {
				return uuid;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not found, below.
		}
		throw FhirException.notFound(type.resourceName(), id);
	}

	/** Writes resources in JSON, or in XML when the client asks for it. */
	static final class FhirResponses {

		private FhirResponses() {
		}

		static ResponseEntity<String> ok(IBaseResource resource, HttpServletRequest request) {
			return write(HttpStatus.OK, resource, request);
		}

		static ResponseEntity<String> outcome(HttpStatus status, OperationOutcome.IssueType issue, String message,
				HttpServletRequest request) {
			return write(status, operationOutcome(issue, message), request);
		}

		static ResponseEntity<String> unavailable(HttpServletRequest request) {
			return outcome(HttpStatus.SERVICE_UNAVAILABLE, OperationOutcome.IssueType.TRANSIENT,
					"The clinic's data cannot be reached just now; try again shortly", request);
		}

		static OperationOutcome operationOutcome(OperationOutcome.IssueType issue, String message) {
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(issue).setDiagnostics(message);
			return outcome;
		}

		static ResponseEntity<String> write(HttpStatus status, IBaseResource resource, HttpServletRequest request) {
			boolean xml = wantsXml(request);
			String body = (xml ? Fhir.xml() : Fhir.json()).setPrettyPrint(pretty(request))
				.encodeResourceToString(resource);
			return ResponseEntity.status(status)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.contentType(MediaType.parseMediaType((xml ? Fhir.XML : Fhir.JSON) + ";charset=UTF-8"))
				.body(body);
		}

		static boolean wantsXml(HttpServletRequest request) {
			String format = request.getParameter("_format");
			if (format != null) {
				return format.equals("xml") || format.contains("xml");
			}
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			return accept != null && accept.contains("xml") && !accept.contains("json");
		}

		private static boolean pretty(HttpServletRequest request) {
			return "true".equals(request.getParameter("_pretty"));
		}

	}

}
