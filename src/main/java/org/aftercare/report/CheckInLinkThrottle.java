package org.aftercare.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.aftercare.account.Tokens;

/**
 * Guessing check-in links is throttled per client address, as the login is: after too
 * many tokens that are not ours in a window, that address gets the "no longer usable"
 * page for every link, real or not, until the window has passed. "Send me a new link" is
 * limited per patient and per address. Counted in the database, so that every instance
 * sees the same counts.
 */
@Component
class CheckInLinkThrottle {

	private static final Logger log = LoggerFactory.getLogger(CheckInLinkThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	private final int maxNewLinksPerPatient;

	private final int maxNewLinksPerAddress;

	private final Duration newLinkWindow;

	CheckInLinkThrottle(JdbcClient jdbc, Clock clock,
			@Value("${aftercare.check-in-link.max-failures:20}") int maxFailures,
			@Value("${aftercare.check-in-link.failure-window:PT15M}") Duration window,
			@Value("${aftercare.check-in-link.new-links-per-patient:3}") int maxNewLinksPerPatient,
			@Value("${aftercare.check-in-link.new-links-per-address:20}") int maxNewLinksPerAddress,
			@Value("${aftercare.check-in-link.new-link-window:PT1H}") Duration newLinkWindow) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
		this.maxNewLinksPerPatient = maxNewLinksPerPatient;
		this.maxNewLinksPerAddress = maxNewLinksPerAddress;
		this.newLinkWindow = newLinkWindow;
	}

	/** Whether links opened from this address are refused now. */
	boolean locked(String ip) {
		return count("FAILED", ip, this.window) >= this.maxFailures;
	}

	/** A token that is not ours came from this address. */
	void failed(String ip) {
		record("FAILED", ip);
		if (count("FAILED", ip, this.window) == this.maxFailures) {
			log.warn("Check-in links refused from {} for {} after {} unknown tokens", ip, this.window,
					this.maxFailures);
		}
	}

	/**
	 * Whether a new link may be sent to this patient on a request from this address;
	 * counts the request either way.
	 */
	boolean newLinkAllowed(String ip, UUID patientId) {
		String patient = patientKey(patientId);
		boolean allowed = count("NEW_LINK", ip, this.newLinkWindow) < this.maxNewLinksPerAddress
				&& count("NEW_LINK", patient, this.newLinkWindow) < this.maxNewLinksPerPatient;
		record("NEW_LINK", ip);
		record("NEW_LINK", patient);
		return allowed;
	}

	/** The patient's id is not kept in clear in a table without the clinic's policy. */
	static String patientKey(UUID patientId) {
		return Tokens.hash("patient:" + patientId);
	}

	private long count(String kind, String subject, Duration within) {
		return this.jdbc.sql("""
				SELECT count(*) FROM check_in_link_attempt
				WHERE kind = ? AND subject = ? AND attempted_at > ?
				""")
			.params(kind, subject, Timestamp.from(this.clock.instant().minus(within)))
			.query(Long.class)
			.single();
	}

	private void record(String kind, String subject) {
		this.jdbc.sql("INSERT INTO check_in_link_attempt (kind, subject, attempted_at) VALUES (?, ?, ?)")
			.params(kind, subject, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The counts matter for an hour at most; a day is kept. */
	@Scheduled(fixedDelayString = "${aftercare.login.purge-delay:PT1H}", initialDelayString = "PT5M")
	void purge() {
		Instant before = this.clock.instant().minus(Duration.ofDays(1));
		this.jdbc.sql("DELETE FROM check_in_link_attempt WHERE attempted_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

}
