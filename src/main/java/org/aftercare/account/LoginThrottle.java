package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in the database (so that every instance sees them) and locks an
 * e-mail address, known or not, after too many failures in a window, and a client address
 * after many more. Failures made while locked are recorded but do not extend the lock.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Limit email;

	private final Limit ip;

	/** How many failures within which window lead to a lock of what length. */
	record Limit(String kind, int maxFailures, Duration window, Duration lockout) {
	}

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${aftercare.login.max-failures:5}") int maxFailures,
			@Value("${aftercare.login.window:PT15M}") Duration window,
			@Value("${aftercare.login.lockout:PT15M}") Duration lockout,
			@Value("${aftercare.login.ip-max-failures:50}") int ipMaxFailures,
			@Value("${aftercare.login.ip-window:PT15M}") Duration ipWindow,
			@Value("${aftercare.login.ip-lockout:PT15M}") Duration ipLockout) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.email = new Limit("EMAIL", maxFailures, window, lockout);
		this.ip = new Limit("IP", ipMaxFailures, ipWindow, ipLockout);
	}

	static String emailKey(String email) {
		return Tokens.hash(email.strip().toLowerCase(Locale.ROOT));
	}

	/** Whether attempts for this e-mail or from this address are refused now. */
	boolean locked(String email, String ip) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT count(*) FROM login_lock
				WHERE ((kind = 'EMAIL' AND subject = :email) OR (kind = 'IP' AND subject = :ip)) AND locked_until > :now
				""")
			.param("email", emailKey(email))
			.param("ip", ip)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	void succeeded(String email, String ip) {
		record(email, ip, true);
	}

	void failed(String email, String ip) {
		Instant now = record(email, ip, false);
		String key = emailKey(email);
		long byEmail = this.jdbc.sql("""
				SELECT count(*) FROM login_attempt
				WHERE email_hash = :key AND NOT success AND attempted_at > :since
				  AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempt
				                               WHERE email_hash = :key AND success), '-infinity')
				  AND attempted_at >= coalesce((SELECT locked_until FROM login_lock
				                                WHERE kind = 'EMAIL' AND subject = :key), '-infinity')
				""")
			.param("key", key)
			.param("since", Timestamp.from(now.minus(this.email.window())))
			.query(Long.class)
			.single();
		lockWhenReached(this.email, key, byEmail, now, sanitise(email));
		long byAddress = this.jdbc.sql("""
				SELECT count(*) FROM login_attempt
				WHERE ip = :ip AND NOT success AND attempted_at > :since
				  AND attempted_at >= coalesce((SELECT locked_until FROM login_lock
				                                WHERE kind = 'IP' AND subject = :ip), '-infinity')
				""")
			.param("ip", ip)
			.param("since", Timestamp.from(now.minus(this.ip.window())))
			.query(Long.class)
			.single();
		lockWhenReached(this.ip, ip, byAddress, now, ip);
	}

	private void lockWhenReached(Limit limit, String subject, long failures, Instant now, String shown) {
		if (failures < limit.maxFailures()) {
			return;
		}
		Instant until = now.plus(limit.lockout());
		this.jdbc.sql("""
				INSERT INTO login_lock (kind, subject, locked_until) VALUES (:kind, :subject, :until)
				ON CONFLICT (kind, subject) DO UPDATE SET locked_until = EXCLUDED.locked_until
				""")
			.param("kind", limit.kind())
			.param("subject", subject)
			.param("until", Timestamp.from(until))
			.update();
		log.warn("Login locked for {} {} until {} after {} failures", limit.kind(), shown, until, failures);
	}

	private Instant record(String email, String ip, boolean success) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO login_attempt (email_hash, ip, attempted_at, success) VALUES (:key, :ip, :at, :success)
				""")
			.param("key", emailKey(email))
			.param("ip", ip)
			.param("at", Timestamp.from(now))
			.param("success", success)
			.update();
		return now;
	}

	/** Old attempts are of no use to the throttle; the log keeps the story. */
	@Scheduled(fixedDelayString = "${aftercare.login.purge-delay:PT1H}", initialDelayString = "PT5M")
	void purge() {
		Instant before = this.clock.instant().minus(Duration.ofDays(7));
		this.jdbc.sql("DELETE FROM login_attempt WHERE attempted_at < ?").param(Timestamp.from(before)).update();
		this.jdbc.sql("DELETE FROM login_lock WHERE locked_until < ?").param(Timestamp.from(before)).update();
	}

	/** What a user typed, safe for one log line. */
	static String sanitise(String typed) {
		String oneLine = typed.replaceAll("\\p{Cntrl}", "?");
		return oneLine.length() > 254 ? oneLine.substring(0, 254) + "..." : oneLine;
	}

}
