package org.aftercare.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a signed-in session lives: idle timeouts by role (staff see many patients'
 * data, so theirs is shorter) and an absolute lifetime after which everyone signs in
 * again.
 */
@Component
public class SessionPolicy {

	static final String SIGNED_IN_AT = SessionPolicy.class.getName() + ".signedInAt";

	private final Duration staffIdle;

	private final Duration patientIdle;

	private final Duration absolute;

	private final Clock clock;

	SessionPolicy(@Value("${aftercare.session.staff-idle:PT15M}") Duration staffIdle,
			@Value("${aftercare.session.patient-idle:PT30M}") Duration patientIdle,
			@Value("${aftercare.session.absolute:PT12H}") Duration absolute, Clock clock) {
		this.staffIdle = staffIdle;
		this.patientIdle = patientIdle;
		this.absolute = absolute;
		this.clock = clock;
	}

	/**
	 * Applies the role's idle timeout and starts the absolute lifetime; call right after
	 * sign-in.
	 */
	public void signedIn(HttpServletRequest request, CurrentUser user) {
		HttpSession session = request.getSession(true);
		session.setMaxInactiveInterval((int) (user.isStaff() ? this.staffIdle : this.patientIdle).toSeconds());
		session.setAttribute(SIGNED_IN_AT, this.clock.instant().toEpochMilli());
	}

	boolean expired(HttpSession session) {
		Object at = session.getAttribute(SIGNED_IN_AT);
		return at instanceof Long millis
				&& Instant.ofEpochMilli(millis).plus(this.absolute).isBefore(this.clock.instant());
	}

	/** Ends sessions past their absolute lifetime, whatever their activity. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				if (session != null && expired(session)) {
					session.invalidate();
					SecurityContextHolder.clearContext();
					// A check-in link carries its own right to its one page: it goes on
					// without the ended sign-in, rather than asking for one.
					if (request.getRequestURI().startsWith(request.getContextPath() + "/c/")) {
						chain.doFilter(request, response);
						return;
					}
					// After signing in again, the user comes back to where they were
					// going (an e-mailed link).
					if ("GET".equals(request.getMethod())) {
						new HttpSessionRequestCache().saveRequest(request, response);
					}
					response.sendRedirect(request.getContextPath() + "/login?expired");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

}
