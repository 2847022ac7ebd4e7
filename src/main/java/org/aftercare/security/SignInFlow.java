package org.aftercare.security;

import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps from a proven password to a signed-in session: straight through, or by way of
 * a second factor (a {@link PendingSignIn} in the session, with no authentication).
 */
@Component
public class SignInFlow {

	static final String PENDING = SignInFlow.class.getName() + ".pending";

	/** How long the second step may take before the password is asked again. */
	private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

	private final SessionPolicy sessions;

	private final ObjectProvider<TwoFactorCheck> twoFactor;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final ApplicationEventPublisher events;

	SignInFlow(SessionPolicy sessions, ObjectProvider<TwoFactorCheck> twoFactor, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.sessions = sessions;
		this.twoFactor = twoFactor;
		this.clock = clock;
	}

	/**
	 * Call once the password (or an invitation link) is proven. Returns where to go next:
	 * empty when the user is signed in, else the second-factor page.
	 */
	public Optional<String> afterPassword(HttpServletRequest request, HttpServletResponse response, CurrentUser user) {
		// Not signed in yet (after an invitation link): the account's own clinic.
		TwoFactorCheck.SecondStep step = ClinicScope.runInClinic(user.clinicId(),
				() -> this.twoFactor.getIfAvailable(() -> (u) -> TwoFactorCheck.SecondStep.NONE).afterPassword(user));
		if (step == TwoFactorCheck.SecondStep.NONE) {
			complete(request, response, user);
			return Optional.empty();
		}
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.clearContext();
		this.contexts.saveContext(empty, request, response);
		HttpSession session = request.getSession(true);
		session.setAttribute(PENDING,
				new PendingSignIn(user.accountId(), user.getUsername(), step, this.clock.instant(), 0));
		return Optional.of(step == TwoFactorCheck.SecondStep.VERIFY ? "/two-factor" : "/two-factor/enrol");
	}

	/** The sign-in waiting for a second factor in this session, if still fresh. */
	public Optional<PendingSignIn> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof PendingSignIn pending)) {
			return Optional.empty();
		}
		if (pending.since().plus(PENDING_LIFETIME).isBefore(this.clock.instant())) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	public void update(HttpServletRequest request, PendingSignIn pending) {
		request.getSession(true).setAttribute(PENDING, pending);
	}

	public void abandon(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

	/**
	 * Signs the user in with a new session id, the role's idle timeout and the absolute
	 * lifetime.
	 */
	public void complete(HttpServletRequest request, HttpServletResponse response, CurrentUser user) {
		request.getSession(true);
		request.changeSessionId();
		abandon(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.sessions.signedIn(request, user);
		this.events.publishEvent(new SignedIn(user));
	}

	/**
	 * Someone finished signing in (password, and second factor where one is asked): for
	 * the audit trail.
	 */
	public record SignedIn(CurrentUser user) {
	}

}
