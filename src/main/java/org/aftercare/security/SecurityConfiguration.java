package org.aftercare.security;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * One filter chain for the whole app: form login on our own page, roles by path, CSRF on.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** The strict firewall, with a faster check of names that accepts the same ones. */
	@Bean
	WebSecurityCustomizer firewall() {
		return FirewallNames.customizer();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionPolicy sessions, SignInFlow signIn)
			throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.Authentication authentication)
					throws java.io.IOException, jakarta.servlet.ServletException {
				if (authentication.getPrincipal() instanceof CurrentUser user) {
					// Staff with two-factor authentication are not signed in yet: they go
					// on to
					// the second step with an anonymous session.
					java.util.Optional<String> next = signIn.afterPassword(request, response, user);
					if (next.isPresent()) {
						response.sendRedirect(request.getContextPath() + next.get());
						return;
					}
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		// "/" sends each role to its own home page (HomeController).
		landing.setDefaultTargetUrl("/");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/invitation/**", "/password-reset", "/password-reset/**", "/two-factor",
					"/two-factor/**", "/c/*", "/check-in", "/check-in/**", "/assets/**", "/webjars/**", "/favicon.ico",
					"/error")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers("/me/**")
			.hasRole(Role.PATIENT.name())
			.requestMatchers("/clinician/**")
			.hasRole(Role.CLINICIAN.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/", "/account/**")
			.authenticated()
			.anyRequest()
			.denyAll())
			.formLogin((login) -> login.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(landing)
				.failureUrl("/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			// Scripts and styles come from files of our own: no inline code, no other
			// hosts, no framing.
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny())
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		http.addFilterAfter(sessions.filter(),
				org.springframework.security.web.context.SecurityContextHolderFilter.class);
		return http.build();
	}

	/** Refused requests become events, so that the audit trail records them. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

	/**
	 * Argon2id with the OWASP minimum (m=19456 KiB, t=2, p=1); older hash formats stay
	 * readable so that they can be upgraded on the next login. Passwords are hashed and
	 * checked in Unicode NFC.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		return new NormalisingPasswordEncoder(new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder())));
	}

}
