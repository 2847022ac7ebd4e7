package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.audit.AuditOutcome;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.security.Role;

/**
 * Sign-in links for patients, the token store of Spring Security's one-time-token login:
 * in PostgreSQL, so that a link works on whichever instance it reaches, and only as the
 * SHA-256 of the token ({@link Tokens}). Staff get no link: they sign in with their
 * password and, where it applies, their second factor.
 */
@Service
class SignInLinkService implements OneTimeTokenService {

	private static final Logger log = LoggerFactory.getLogger(SignInLinkService.class);

	/** Longer input cannot be a token we issued; it is not worth hashing. */
	private static final int LONGEST_TOKEN = 100;

	private final UserAccountRepository accounts;

	private final JdbcClient jdbc;

	private final SignInLinkLimit limit;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration lifetime;

	SignInLinkService(UserAccountRepository accounts, JdbcClient jdbc, SignInLinkLimit limit,
			ApplicationEventPublisher events, AuditLog audit, Clock clock,
			@Value("${aftercare.sign-in-link.lifetime:PT15M}") Duration lifetime) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.limit = limit;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * E-mails a link (after commit) when an enabled patient account has this address and
	 * neither the address nor the client has reached its limit; does nothing otherwise.
	 * What it returns is the same in every case and never the e-mailed token, so that
	 * whatever handles it can neither tell the cases apart nor leak a working link.
	 */
	@Override
	@Transactional
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		String email = request.getUsername().strip();
		String ip = (request instanceof SignInLinkRequest link) ? link.ip() : "unknown";
		String limited = this.limit.reached(email, ip);
		Optional<UserAccount> found = ClinicScope.acrossClinics(ClinicScope.Reason.SIGN_IN_LINK,
				() -> this.accounts.findByEmail(email).filter(UserAccount::enabled));
		Instant now = this.clock.instant();
		if (found.isEmpty()) {
			this.limit.record(email, ip, LinkRequestLimit.Outcome.UNKNOWN);
			log.info("Sign-in link asked from {} for an address with no active account; nothing sent", ip);
		}
		else {
			UserAccount account = found.get();
			// From here on, the account's own clinic.
			ClinicScope.runInClinic(new ClinicId(account.clinicId()),
					() -> refusedLimitedOrIssued(account, email, ip, limited, now));
		}
		return new DefaultOneTimeToken(Tokens.newToken(), email, now.plus(this.lifetime));
	}

	private void refusedLimitedOrIssued(UserAccount account, String email, String ip, String limited, Instant now) {
		if (account.role() != Role.PATIENT) {
			this.limit.record(email, ip, LinkRequestLimit.Outcome.REFUSED);
			this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), null, AuditAction.SIGN_IN_LINK_REFUSED,
					"user_account", account.id(), "staff account"), AuditOutcome.DENIED);
			log.warn("Sign-in link for staff account {} asked from {}; none sent", account.id(), ip);
			return;
		}
		if (limited != null) {
			this.limit.record(email, ip, LinkRequestLimit.Outcome.LIMITED);
			this.audit.record(
					new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
							AuditAction.SIGN_IN_LINK_LIMITED, "user_account", account.id(), "too many " + limited),
					AuditOutcome.DENIED);
			log.warn("Sign-in link for account {} asked from {} not sent: too many {}", account.id(), ip, limited);
			return;
		}
		this.limit.record(email, ip, LinkRequestLimit.Outcome.SENT);
		String token = Tokens.newToken();
		Instant expires = now.plus(this.lifetime);
		this.jdbc.sql("""
				INSERT INTO sign_in_link (id, clinic_id, account_id, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), account.clinicId(), account.id(), Tokens.hash(token), Timestamp.from(now),
					Timestamp.from(expires))
			.update();
		this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
				AuditAction.SIGN_IN_LINK_REQUESTED, "user_account", account.id(), null));
		this.events.publishEvent(new SignInLinkRequested(new ClinicId(account.clinicId()), new AccountId(account.id()),
				account.email(), account.displayName(), token, expires, account.mailLanguage()));
		log.info("Sign-in link issued for account {}", account.id());
	}

	/**
	 * Uses the link up, once: of two clicks racing, one UPDATE finds it unused and the
	 * other finds nothing. The account must still be an enabled patient's; a link of any
	 * other (which {@link #generate} never issues) is used up all the same, refused and
	 * audited.
	 */
	@Override
	@Transactional
	public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
		String token = authenticationToken.getTokenValue();
		if (token == null || token.isEmpty() || token.length() > LONGEST_TOKEN) {
			return null;
		}
		Instant now = this.clock.instant();
		Optional<Consumed> consumed = ClinicScope.acrossClinics(ClinicScope.Reason.SIGN_IN_LINK,
				() -> this.jdbc.sql("""
						UPDATE sign_in_link SET used_at = ?
						 WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
						RETURNING clinic_id, account_id, expires_at""")
					.params(Timestamp.from(now), Tokens.hash(token), Timestamp.from(now))
					.query((rs, n) -> new Consumed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getTimestamp(3).toInstant()))
					.optional());
		if (consumed.isEmpty()) {
			log.info("Sign-in link refused: unknown, used or expired");
			return null;
		}
		Consumed link = consumed.get();
		// From here on, the link's own clinic.
		return ClinicScope.runInClinic(new ClinicId(link.clinicId()), () -> signInAs(link, token));
	}

	private OneTimeToken signInAs(Consumed link, String token) {
		UserAccount account = this.accounts.findByIdAndClinicId(link.accountId(), link.clinicId()).orElse(null);
		if (account == null) {
			return null;
		}
		String refused = !account.enabled() ? "account disabled"
				: (account.role() != Role.PATIENT) ? "staff account" : null;
		if (refused != null) {
			this.audit.record(
					new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
							AuditAction.SIGN_IN_LINK_REFUSED, "user_account", account.id(), refused),
					AuditOutcome.FAILURE, account.id(), account.role().name());
			log.warn("Sign-in link of account {} refused: {}", account.id(), refused);
			return null;
		}
		this.audit.record(new AuditEvent(new ClinicId(account.clinicId()), account.patientId(),
				AuditAction.SIGN_IN_LINK_USED, "user_account", account.id(), null), AuditOutcome.SUCCESS, account.id(),
				account.role().name());
		log.info("Sign-in link of account {} used", account.id());
		return new DefaultOneTimeToken(token, account.email(), link.expiresAt());
	}

	/**
	 * Whether the link can still be used, without using it: for the page that opens it,
	 * which must not sign in (mail scanners follow links).
	 */
	@Transactional(readOnly = true)
	boolean usable(String token) {
		return language(token).isPresent();
	}

	/**
	 * The language of the patient whose link this is, while the link can be used: the
	 * page it opens is in it.
	 */
	@Transactional(readOnly = true)
	Optional<String> language(String token) {
		if (token == null || token.isEmpty() || token.length() > LONGEST_TOKEN) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return ClinicScope.acrossClinics(ClinicScope.Reason.SIGN_IN_LINK,
				() -> this.jdbc.sql("""
						SELECT a.language FROM sign_in_link l
						  JOIN user_account a ON a.clinic_id = l.clinic_id AND a.id = l.account_id
						 WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ?""")
					.params(Tokens.hash(token), Timestamp.from(now))
					.query(String.class)
					.optional());
	}

	private record Consumed(UUID clinicId, UUID accountId, Instant expiresAt) {
	}

}
