package org.aftercare.report;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.security.ClinicScope;

/**
 * No orphan photos: a photo staged on a form that was never sent (the patient gave up, or
 * closed the page) is deleted once {@code aftercare.photos.staged-lifetime} has passed
 * since its upload. One instance acts at a time (advisory lock).
 */
@Component
class StagedPhotoCleanup {

	/** Advisory lock key (arbitrary, fixed). */
	static final long LOCK = 0x4166746572_20L;

	private static final Logger log = LoggerFactory.getLogger(StagedPhotoCleanup.class);

	private final PhotoStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration lifetime;

	StagedPhotoCleanup(PhotoStore store, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${aftercare.photos.staged-lifetime:PT6H}") Duration lifetime) {
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Scheduled(fixedDelayString = "${aftercare.jobs.staged-photo-cleanup-delay:PT30M}",
			initialDelayString = "${aftercare.jobs.start-delay:PT1M}")
	void scheduled() {
		deleteExpired();
	}

	/**
	 * Deletes the staged photos older than the lifetime, in every clinic; -1 when another
	 * instance holds the lock.
	 */
	int deleteExpired() {
		Integer deleted = ClinicScope.acrossClinics(ClinicScope.Reason.SCHEDULED_JOB,
				() -> this.transactions.execute((status) -> {
					boolean locked = Boolean.TRUE.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
						.param(LOCK)
						.query(Boolean.class)
						.single());
					return locked ? this.store.deleteStagedBefore(this.clock.instant().minus(this.lifetime)) : -1;
				}));
		if (deleted != null && deleted > 0) {
			log.info("Deleted {} staged photo(s) never sent with a report", deleted);
		}
		return (deleted != null) ? deleted : -1;
	}

}
