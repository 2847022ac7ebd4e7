package org.aftercare.account;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.CurrentUser;

/**
 * Password login with throttling. An unknown e-mail, a wrong password, a disabled or
 * locked account all cost one Argon2 comparison and end in the same
 * {@link BadCredentialsException}, so neither the page nor its timing tells an attacker
 * which it was. Only the server log says why, never with the password.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

	/** Longer input cannot be a password we accepted; it is not worth hashing. */
	private static final int LONGEST_INPUT = 1024;

	private final AccountUserDetailsService users;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final TwoFactorService twoFactor;

	/**
	 * Compared against when there is no real hash, so that every attempt costs the same.
	 */
	private final String dummyHash;

	private final AuditLog audit;

	PasswordAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, TwoFactorService twoFactor, AuditLog audit) {
		this.audit = audit;
		this.twoFactor = twoFactor;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.dummyHash = passwordEncoder.encode(Tokens.newToken());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = (authentication.getName() == null) ? "" : authentication.getName().strip();
		Object credentials = authentication.getCredentials();
		String password = (credentials == null || credentials.toString().length() > LONGEST_INPUT) ? ""
				: credentials.toString();
		String ip = (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";

		boolean locked = this.throttle.locked(email, ip);
		Optional<CurrentUser> user = load(email);
		String hash = user.map(CurrentUser::getPassword).orElse(null);
		boolean matches = this.passwordEncoder.matches(password, (hash != null) ? hash : this.dummyHash)
				&& hash != null;

		String reason = locked ? "locked" : user.isEmpty() ? "unknown e-mail"
				: !matches ? "wrong password" : !user.get().isEnabled() ? "account disabled" : null;
		if (reason != null) {
			this.throttle.failed(email, ip);
			log.warn("Login refused for {} from {}: {}", LoginThrottle.sanitise(email), ip, reason);
			// A known account's failed logins go into its clinic's audit trail (never the
			// password).
			user.ifPresent((known) -> ClinicScope.runInClinic(known.clinicId(),
					() -> this.audit.record(
							new AuditEvent(known.clinicId(), known.patientId(), AuditAction.LOGIN_FAILED,
									"user_account", known.accountId(), reason),
							AuditOutcome.FAILURE, known.accountId(), known.role().name())));
			throw new BadCredentialsException("Bad credentials");
		}
		CurrentUser signedIn = user.get();
		// With a second factor to come, the failure count starts again only once it is
		// proven: otherwise the password alone would buy unlimited guesses at codes.
		// Not signed in yet: the account's own clinic is the scope of what follows.
		if (ClinicScope.runInClinic(signedIn.clinicId(),
				() -> this.twoFactor.afterPassword(signedIn)) == TwoFactorService.SecondStep.NONE) {
			this.throttle.succeeded(email, ip);
			log.info("Login of account {} from {}", signedIn.accountId(), ip);
		}
		else {
			log.info("Password of account {} accepted from {}; second factor next", signedIn.accountId(), ip);
		}
		upgradeHash(signedIn, password, hash);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
				signedIn.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	private Optional<CurrentUser> load(String email) {
		if (email.isEmpty() || email.length() > 254) {
			return Optional.empty();
		}
		try {
			return Optional.of((CurrentUser) this.users.loadUserByUsername(email));
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	/** Hashes from older formats (bcrypt) become Argon2id at the next login. */
	private void upgradeHash(CurrentUser user, String password, String hash) {
		if (this.passwordEncoder.upgradeEncoding(hash)) {
			String upgraded = this.passwordEncoder.encode(password);
			ClinicScope.runInClinic(user.clinicId(),
					() -> this.users.changePasswordHash(user.clinicId().value(), user.accountId(), upgraded));
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
