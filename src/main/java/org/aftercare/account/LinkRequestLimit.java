package org.aftercare.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many e-mailed links of one kind an address may be sent, and how many requests for
 * them a client address may make, in a window (stored in PostgreSQL, so that every
 * instance counts alike). Addresses are kept only as hashes. Each kind of link counts on
 * its own: asking for sign-in links does not use up the password resets.
 */
class LinkRequestLimit {

	enum Outcome {

		SENT, LIMITED, UNKNOWN,
		/** The address has an account that may not have this kind of link (staff). */
		REFUSED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String purpose;

	private final int maxPerAddress;

	private final Duration addressWindow;

	private final int maxPerIp;

	private final Duration ipWindow;

	LinkRequestLimit(JdbcClient jdbc, Clock clock, String purpose, int maxPerAddress, Duration addressWindow,
			int maxPerIp, Duration ipWindow) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.purpose = purpose;
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
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(? || ':' || ?))")
			.params(this.purpose, key)
			.query((rs, n) -> 1)
			.list();
		Instant now = this.clock.instant();
		long sent = this.jdbc.sql("""
				SELECT count(*) FROM password_reset_request
				 WHERE purpose = ? AND email_hash = ? AND outcome = 'SENT' AND requested_at > ?""")
			.params(this.purpose, key, Timestamp.from(now.minus(this.addressWindow)))
			.query(Long.class)
			.single();
		if (sent >= this.maxPerAddress) {
			return "links to this address";
		}
		long fromIp = this.jdbc.sql("""
				SELECT count(*) FROM password_reset_request WHERE purpose = ? AND ip = ? AND requested_at > ?""")
			.params(this.purpose, ip, Timestamp.from(now.minus(this.ipWindow)))
			.query(Long.class)
			.single();
		return (fromIp >= this.maxPerIp) ? "requests from this client address" : null;
	}

	void record(String email, String ip, Outcome outcome) {
		this.jdbc.sql("""
				INSERT INTO password_reset_request (purpose, email_hash, ip, requested_at, outcome)
				VALUES (?, ?, ?, ?, ?)""")
			.params(this.purpose, LoginThrottle.emailKey(email), ip, Timestamp.from(this.clock.instant()),
					outcome.name())
			.update();
	}

	void purge() {
		Instant before = this.clock.instant().minus(Duration.ofDays(7));
		this.jdbc.sql("DELETE FROM password_reset_request WHERE purpose = ? AND requested_at < ?")
			.params(this.purpose, Timestamp.from(before))
			.update();
	}

}
