package org.aftercare.notification;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails that failed (the mail server was down for a while) are tried again every few
 * minutes, not only at the next restart: an EMERGENCY alert must not wait for a
 * deployment. One instance at a time (advisory lock).
 */
@Component
class RetryFailedNotifications {

	static final long LOCK = 0x4166746572_10L;

	private final IncompleteEventPublications incomplete;

	private final JdbcClient jdbc;

	RetryFailedNotifications(IncompleteEventPublications incomplete, JdbcClient jdbc) {
		this.incomplete = incomplete;
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${aftercare.jobs.mail-retry-delay:PT2M}",
			initialDelayString = "${aftercare.jobs.start-delay:PT1M}")
	@Transactional
	void retry() {
		boolean locked = Boolean.TRUE
			.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single());
		if (locked) {
			this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(2));
		}
	}

}
