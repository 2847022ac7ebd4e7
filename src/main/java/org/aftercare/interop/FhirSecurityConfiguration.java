package org.aftercare.interop;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import org.aftercare.security.ClinicScope;
import org.aftercare.web.DatabaseUnavailableAdvice;

/**
 * The FHIR API's own filter chain, before the app's: stateless bearer tokens of API
 * clients. No session is read or made (a staff member's session cookie opens nothing
 * here), no form login, and no CSRF token, since no cookie authenticates a request. A
 * missing, unknown or revoked token is a 401 with {@code WWW-Authenticate: Bearer} and an
 * OperationOutcome; the request of a valid one runs in its client's clinic scope.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfiguration {

	static final String API_CLIENT_ROLE = "API_CLIENT";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain fhirFilterChain(HttpSecurity http, ApiClients clients) throws Exception {
		http.securityMatcher("/fhir/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/CodeSystem", "/fhir/CodeSystem/*",
						"/fhir/Questionnaire/*")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/fhir/**")
				.hasRole(API_CLIENT_ROLE)
				.anyRequest()
				.denyAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized()).accessDeniedHandler(readOnly()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions((frames) -> frames.deny()))
			.addFilterAfter(new ApiTokenFilter(clients), SecurityContextHolderFilter.class);
		return http.build();
	}

	/** 401 with the challenge of RFC 6750 and an OperationOutcome. */
	static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			String error = (request.getHeader("Authorization") != null) ? ", error=\"invalid_token\"" : "";
			response.setHeader("WWW-Authenticate", "Bearer realm=\"aftercare\"" + error);
			write(FhirController.FhirResponses.outcome(HttpStatus.UNAUTHORIZED, IssueType.LOGIN,
					"A valid API client token is needed: Authorization: Bearer {token}", request), response);
		};
	}

	/** The API reads only: anything but GET is refused. */
	static AccessDeniedHandler readOnly() {
		return (request, response, exception) -> write(FhirController.FhirResponses.outcome(HttpStatus.FORBIDDEN,
				IssueType.FORBIDDEN, "This API is read-only", request), response);
	}

	private static void write(ResponseEntity<String> answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.getWriter().write(answer.getBody());
	}

	/**
	 * Takes the bearer token, finds its client and runs the rest of the request in the
	 * client's clinic. A token that names no active client is answered at once.
	 */
	static final class ApiTokenFilter extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);

		private static final String BEARER = "Bearer ";

		private final ApiClients clients;

		private final AuthenticationEntryPoint unauthorized = unauthorized();

		ApiTokenFilter(ApiClients clients) {
			this.clients = clients;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header == null) {
				chain.doFilter(request, response);
				return;
			}
			Optional<ApiClientPrincipal> client;
			try {
				client = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
						? this.clients.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
			}
			catch (RuntimeException ex) {
				if (!DatabaseUnavailableAdvice.isUnavailable(ex)) {
					throw ex;
				}
				// Before the controller, so its handler cannot answer: the same 503.
				log.error("Database unavailable for the FHIR API's token lookup: {}", ex.getMessage());
				write(FhirController.FhirResponses.unavailable(request), response);
				return;
			}
			if (client.isEmpty()) {
				this.unauthorized.commence(request, response, null);
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
					List.of(new SimpleGrantedAuthority("ROLE_" + API_CLIENT_ROLE))));
			SecurityContextHolder.setContext(context);
			try {
				ClinicScope.runInClinic(client.get().clinicId(), () -> {
					try {
						chain.doFilter(request, response);
					}
					catch (IOException | ServletException ex) {
						throw new Checked(ex);
					}
				});
			}
			catch (Checked ex) {
				if (ex.getCause() instanceof IOException io) {
					throw io;
				}
				throw (ServletException) ex.getCause();
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

	/**
	 * Carries the filter chain's checked exceptions through the clinic scope's lambda.
	 */
	private static final class Checked extends RuntimeException {

		Checked(Exception cause) {
			super(cause);
		}

	}

}
