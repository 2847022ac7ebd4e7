package org.aftercare.security;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * One filter chain for the whole app: form login on our own page, roles by path, CSRF on.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; manifest-src 'self'; worker-src 'self'";

	/** Where the page of a sign-in link posts its token. */
	static final String SIGN_IN_LINK = "/login/link";

	static final String SIGN_IN_LINK_UNUSABLE = "/login/link/unusable";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** The strict firewall, with a faster check of names that accepts the same ones. */
	@Bean
	WebSecurityCustomizer firewall() {
		return FirewallNames.customizer();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionPolicy sessions, SignInFlow signIn,
			OneTimeTokenService signInLinks, GenerateOneTimeTokenRequestResolver signInLinkRequests,
			OneTimeTokenGenerationSuccessHandler signInLinkSent, UserDetailsService users) throws Exception {
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
		SimpleUrlAuthenticationFailureHandler unusableLink = new SimpleUrlAuthenticationFailureHandler(
				SIGN_IN_LINK_UNUSABLE);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/login/link", "/login/link/**", "/invitation/**", "/password-reset",
					"/password-reset/**", "/two-factor", "/two-factor/**", "/c/*", "/check-in", "/check-in/**",
					"/login/webauthn", "/webauthn/authenticate/options", "/assets/**", "/webjars/**", "/favicon.ico",
					"/manifest.webmanifest", "/sw.js", "/offline", "/offline/*", "/error", "/language")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers("/me/**")
			.hasRole(Role.PATIENT.name())
			.requestMatchers("/clinician/**")
			.hasRole(Role.CLINICIAN.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/", "/account/**", "/webauthn/register", "/webauthn/register/**")
			.authenticated()
			.anyRequest()
			.denyAll())
			.formLogin((login) -> login.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(landing)
				.failureUrl("/login?error")
				.permitAll())
			// Sign-in links for patients, e-mailed from the login page; the token store,
			// the
			// request and the answer are the account module's (SignInLinkService).
			.oneTimeTokenLogin((links) -> links.loginPage("/login")
				.tokenGeneratingUrl("/login/link/send")
				.generateRequestResolver(signInLinkRequests)
				.tokenService(signInLinks)
				.tokenGenerationSuccessHandler(signInLinkSent)
				// Our own page, at the link's address, posts the token here.
				.showDefaultSubmitPage(false)
				.loginProcessingUrl(SIGN_IN_LINK)
				.successHandler(signInLinkLanding(landing, unusableLink))
				.failureHandler(unusableLink))
			// Passkeys: Spring Security's WebAuthn endpoints, over the account module's
			// stores and relying party (PasskeyConfiguration); its registration page is
			// ours (/account/passkeys), and a passkey's sign-in ends in a full sign-in.
			.webAuthn((passkeys) -> passkeys.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationSuccessHandler(passkeyLanding(signIn, users));
						filter.setAuthenticationFailureHandler((request, response, exception) -> json(response,
								jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED, "{\"authenticated\":false}"));
						return filter;
					}
				}))
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

	/**
	 * A link's sign-in ends like a password's (SignInFlow.afterPassword, by way of the
	 * form login's landing): staff who have a second factor are sent on to it rather than
	 * signed in. Links are issued to enabled patients only, and checked again when used;
	 * this guard refuses whatever still is not an enabled account of ours.
	 */
	private static AuthenticationSuccessHandler signInLinkLanding(AuthenticationSuccessHandler landing,
			AuthenticationFailureHandler refused) {
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof CurrentUser user && user.isEnabled()) {
				landing.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			// Already saved as signed in by the filter: undone, session and all.
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			refused.onAuthenticationFailure(request, response, new DisabledException("Sign-in link refused"));
		};
	}

	/**
	 * A passkey that verified its user signs in completely, staff included: it is the
	 * device held and the user on it, two factors in one, so no authenticator code is
	 * asked after it. The script of the login page gets where to go next.
	 */
	private static AuthenticationSuccessHandler passkeyLanding(SignInFlow signIn, UserDetailsService users) {
		return (request, response, authentication) -> {
			UserDetails details = users.loadUserByUsername(authentication.getName());
			if (details instanceof CurrentUser user && user.isEnabled()) {
				signIn.complete(request, response, user);
				json(response, jakarta.servlet.http.HttpServletResponse.SC_OK,
						"{\"authenticated\":true,\"redirectUrl\":\"" + request.getContextPath() + "/\"}");
				return;
			}
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			json(response, jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED, "{\"authenticated\":false}");
		};
	}

	private static void json(jakarta.servlet.http.HttpServletResponse response, int status, String body)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter().write(body);
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
