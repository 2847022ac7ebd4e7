package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many password reset links an address may be sent, and how many requests a client
 * address may make, in a window (stored in PostgreSQL, so that every instance counts
 * alike). Addresses are kept only as hashes.
 */
@Component
class PasswordResetLimit {

	enum Outcome {

		SENT, LIMITED, UNKNOWN

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxPerAddress;

	private final Duration addressWindow;

	private final int maxPerIp;

	private final Duration ipWindow;

	PasswordResetLimit(JdbcClient jdbc, Clock clock,
			@Value("${aftercare.password-reset.max-per-address:3}") int maxPerAddress,
			@Value("${aftercare.password-reset.address-window:PT1H}") Duration addressWindow,
			@Value("${aftercare.password-reset.max-per-ip:20}") int maxPerIp,
			@Value("${aftercare.password-reset.ip-window:PT1H}") Duration ipWindow) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxPerAddress = maxPerAddress;
		this.addressWindow = addressWindow;
		this.maxPerIp = maxPerIp;
		this.ipWindow = ipWindow;
	}

	/**
	 * Which limit, if any, a new link to this address from this client would break. Holds
	 * a lock on the address until the transaction ends, so that simultaneous requests
	 * count one after the other.
	 */
	String reached(String email, String ip) {
		String key = LoginThrottle.emailKey(email);
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('password-reset:' || ?))")
			.param(key)
			.query((rs, n) -> 1)
			.list();
		Instant now = this.clock.instant();
		long sent = this.jdbc.sql("""
				SELECT count(*) FROM password_reset_request
				 WHERE email_hash = ? AND outcome = 'SENT' AND requested_at > ?""")
			.params(key, Timestamp.from(now.minus(this.addressWindow)))
			.query(Long.class)
			.single();
		if (sent >= this.maxPerAddress) {
			return "links to this address";
		}
		long fromIp = this.jdbc.sql("SELECT count(*) FROM password_reset_request WHERE ip = ? AND requested_at > ?")
			.params(ip, Timestamp.from(now.minus(this.ipWindow)))
			.query(Long.class)
			.single();
		return (fromIp >= this.maxPerIp) ? "requests from this client address" : null;
	}

	void record(String email, String ip, Outcome outcome) {
		this.jdbc.sql("""
				INSERT INTO password_reset_request (email_hash, ip, requested_at, outcome) VALUES (?, ?, ?, ?)""")
			.params(LoginThrottle.emailKey(email), ip, Timestamp.from(this.clock.instant()), outcome.name())
			.update();
	}

	@Scheduled(fixedDelayString = "${aftercare.login.purge-delay:PT1H}", initialDelayString = "PT5M")
	void purge() {
		Instant before = this.clock.instant().minus(Duration.ofDays(7));
		this.jdbc.sql("DELETE FROM password_reset_request WHERE requested_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

}
