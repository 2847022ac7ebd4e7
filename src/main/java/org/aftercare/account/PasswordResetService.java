package org.aftercare.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.SignedInSessions;

/**
 * Password reset by an e-mailed one-time link: short-lived, used once, stored hashed. A
 * new password ends every session the user had.
 */
@Service
class PasswordResetService {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

	private final UserAccountRepository accounts;

	private final PasswordResetRepository resets;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final SignedInSessions sessions;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration lifetime;

	private final PasswordResetLimit limit;

	PasswordResetService(UserAccountRepository accounts, PasswordResetRepository resets,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, SignedInSessions sessions,
			AuditLog audit, Clock clock, @Value("${aftercare.password-reset.lifetime:PT30M}") Duration lifetime,
			PasswordResetLimit limit) {
		this.limit = limit;
		this.accounts = accounts;
		this.resets = resets;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * E-mails a link when an active account has this address and neither the address nor
	 * the client has reached its limit ({@link PasswordResetLimit}); does nothing
	 * otherwise. The caller answers the same in every case.
	 */
	@Transactional
	void request(String email, String ip) {
		String limited = this.limit.reached(email, ip);
		Optional<UserAccount> found = ClinicScope.acrossClinics(ClinicScope.Reason.PASSWORD_RESET,
				() -> this.accounts.findByEmail(email.strip()).filter(UserAccount::enabled));
		if (found.isEmpty()) {
			this.limit.record(email, ip, PasswordResetLimit.Outcome.UNKNOWN);
			log.info("Password reset asked from {} for an address with no active account; nothing sent", ip);
			return;
		}
		UserAccount account = found.get();
		// From here on, the account's own clinic.
		ClinicScope.runInClinic(new ClinicId(account.clinicId()), () -> limitedOrIssued(account, email, ip, limited));
	}

	private void limitedOrIssued(UserAccount account, String email, String ip, String limited) {
		if (limited != null) {
			this.limit.record(email, ip, PasswordResetLimit.Outcome.LIMITED);
			this.audit.record(
					new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
							AuditAction.PASSWORD_RESET_LIMITED, "user_account", account.id(), "too many " + limited),
					AuditOutcome.DENIED);
			log.warn("Password reset for account {} asked from {} not sent: too many {}", account.id(), ip, limited);
			return;
		}
		this.limit.record(email, ip, PasswordResetLimit.Outcome.SENT);
		this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
				AuditAction.PASSWORD_RESET_REQUESTED, "user_account", account.id(), null));
		Instant now = this.clock.instant();
		this.resets.findByClinicIdAndAccountId(account.clinicId(), account.id()).forEach((r) -> r.withdraw(now));
		String token = Tokens.newToken();
		Instant expires = now.plus(this.lifetime);
		this.resets.save(new PasswordReset(account.clinicId(), account.id(), Tokens.hash(token), now, expires));
		this.events
			.publishEvent(new PasswordResetRequested(new ClinicId(account.clinicId()), new AccountId(account.id()),
					account.email(), account.displayName(), token, expires, account.mailLanguage()));
		log.info("Password reset link issued for account {}", account.id());
	}

	/** The account whose link this is, while it can still be used. */
	@Transactional(readOnly = true)
	Optional<UserAccount> lookup(String token) {
		Instant now = this.clock.instant();
		return ClinicScope.acrossClinics(ClinicScope.Reason.PASSWORD_RESET,
				() -> this.resets.findByTokenHash(Tokens.hash(token))
					.filter((reset) -> reset.usable(now))
					.flatMap((reset) -> this.accounts.findByIdAndClinicId(reset.accountId(), reset.clinicId()))
					.filter(UserAccount::enabled));
	}

	/**
	 * Sets the new password if the link is still usable, uses it up, and ends all of the
	 * user's sessions. Returns whether it did.
	 */
	@Transactional
	boolean reset(String token, String rawPassword) {
		Instant now = this.clock.instant();
		Optional<PasswordReset> found = ClinicScope.acrossClinics(ClinicScope.Reason.PASSWORD_RESET,
				() -> this.resets.findByTokenHash(Tokens.hash(token)).filter((reset) -> reset.usable(now)));
		if (found.isEmpty()) {
			return false;
		}
		PasswordReset reset = found.get();
		// From here on, the link's own clinic.
		return ClinicScope.runInClinic(new ClinicId(reset.clinicId()), () -> reset(reset, rawPassword, now));
	}

	private boolean reset(PasswordReset reset, String rawPassword, Instant now) {
		UserAccount account = this.accounts.findByIdAndClinicId(reset.accountId(), reset.clinicId())
			.filter(UserAccount::enabled)
			.orElse(null);
		if (account == null) {
			return false;
		}
		account.changePassword(this.passwordEncoder.encode(rawPassword));
		reset.use(now);
		this.resets.findByClinicIdAndAccountId(account.clinicId(), account.id()).forEach((r) -> r.withdraw(now));
		this.sessions.endAllBut(account.email(), null);
		this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
				AuditAction.PASSWORD_RESET, "user_account", account.id(), null));
		log.info("Password of account {} reset by e-mailed link", account.id());
		return true;
	}

}
