package org.aftercare.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.report.ReportService;
import org.aftercare.report.ReportView;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.treatment.TreatmentId;
import org.aftercare.triage.OngoingHeadaches.Candidate;
import org.aftercare.triage.rules.EntryFacts;
import org.aftercare.triage.rules.Escalation;
import org.aftercare.triage.rules.NoReplyRule;
import org.aftercare.triage.rules.PersistentHeadacheClock;
import org.aftercare.triage.rules.PersistentHeadacheClock.Verdict;
import org.aftercare.triage.rules.Priority;
import org.aftercare.triage.rules.RuleCode;
import org.aftercare.triage.rules.RuleSettings;

/**
 * The rules that the clock, not a report, can meet: R6 for headaches still going on, and
 * R13 for flags nobody acknowledged or patients who did not answer. Each run holds a
 * PostgreSQL advisory lock for its transaction, so with several app instances on one
 * database only one of them acts.
 */
@Component
class TriageJobs {

	/** Advisory lock keys (arbitrary, fixed): one per job. */
	static final long NO_REPLY_LOCK = 0x4166746572_01L;

	static final long PERSISTENT_HEADACHE_LOCK = 0x4166746572_02L;

	/** Flags examined per R13 run at most; the next run takes the rest. */
	static final int BATCH = 500;

	/**
	 * Episodes examined per R6 run at most
	 * ({@code aftercare.jobs.persistent-headache-batch}); the next run takes the rest.
	 * Settled episodes are not candidates, so at clinic-chain scale (the benchmark:
	 * 36,887 ongoing headaches, 1,303 of them still able to go up) one run of this size
	 * covers every live candidate in about 2.5 s.
	 */
	static final int PERSISTENT_HEADACHE_BATCH = 2_000;

	/**
	 * R6 can raise no episode above this: a flag at the top of the scale makes every
	 * later R6 finding "already flagged" (R6 gives HIGH at most, R11 one level up, R13
	 * escalates to it too), so its episode is no longer a candidate.
	 */
	private static final Priority PERSISTENT_HEADACHE_TOP = Priority.EMERGENCY;

	private static final Logger log = LoggerFactory.getLogger(TriageJobs.class);

	private final JdbcClient jdbc;

	private final FlagRepository flags;

	private final Triage triage;

	private final ReportService reports;

	private final OngoingHeadaches ongoingHeadaches;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final EntityManager entityManager;

	private volatile int persistentHeadacheBatch;

	/**
	 * R6: the last episode the previous run examined, in (clinic, treatment) order; the
	 * next run goes on after it, and after the last candidate back to the start, so every
	 * candidate is examined within two passes however many there are. Kept in memory: a
	 * restart starts over, and with several instances each keeps its own (each run still
	 * moves one of them on).
	 */
	private volatile EpisodeKey persistentHeadacheCursor = EpisodeKey.START;

	TriageJobs(JdbcClient jdbc, FlagRepository flags, Triage triage, ReportService reports,
			OngoingHeadaches ongoingHeadaches, Clock clock, PlatformTransactionManager transactions,
			EntityManager entityManager, @Value("${aftercare.jobs.persistent-headache-batch:"
					+ PERSISTENT_HEADACHE_BATCH + "}") int persistentHeadacheBatch) {
		this.transactions = new TransactionTemplate(transactions);
		this.entityManager = entityManager;
		this.persistentHeadacheBatch = persistentHeadacheBatch;
		this.jdbc = jdbc;
		this.flags = flags;
		this.triage = triage;
		this.reports = reports;
		this.ongoingHeadaches = ongoingHeadaches;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${aftercare.jobs.no-reply-delay:PT1M}",
			initialDelayString = "${aftercare.jobs.start-delay:PT30S}")
	void scheduledNoReply() {
		escalateUnanswered();
	}

	@Scheduled(fixedDelayString = "${aftercare.jobs.persistent-headache-delay:PT15M}",
			initialDelayString = "${aftercare.jobs.start-delay:PT45S}")
	void scheduledPersistentHeadaches() {
		flagPersistentHeadaches();
	}

	/**
	 * R13. Returns the number of flags escalated, or -1 when another instance holds the
	 * lock. One transaction across clinics: the candidates come from all of them.
	 */
	int escalateUnanswered() {
		return ClinicScope.acrossClinics(ClinicScope.Reason.SCHEDULED_JOB,
				() -> this.transactions.execute((status) -> escalateUnansweredInTransaction()));
	}

	private int escalateUnansweredInTransaction() {
		if (!tryLock(NO_REPLY_LOCK)) {
			return -1;
		}
		Instant now = this.clock.instant();
		List<Flag> candidates = this.flags.findNoReplyCandidates(Limit.of(BATCH));
		// One settings lookup per clinic in the batch, not one per flag.
		Map<UUID, RuleSettings> settings = new HashMap<>();
		int escalated = 0;
		for (Flag flag : candidates) {
			Optional<Escalation> escalation = NoReplyRule.check(flag.noReplyFacts(),
					settings.computeIfAbsent(flag.clinicId(), this.triage::settingsFor), now);
			if (escalation.isPresent()) {
				flag.escalate(escalation.get(), now);
				// Its save publishes the flag's FlagEscalated.
				this.flags.save(flag);
				escalated++;
			}
		}
		if (escalated > 0) {
			log.info("R13 escalated {} flag(s)", escalated);
		}
		return escalated;
	}

	/**
	 * R6 for headaches still going on: the clock alone can make a headache persistent.
	 * Returns the number of episodes examined, or -1 when another instance holds the
	 * lock. One transaction across clinics: the episodes come from all of them.
	 */
	int flagPersistentHeadaches() {
		long started = System.nanoTime();
		EpisodeKey after = this.persistentHeadacheCursor;
		PersistentHeadacheRun run = ClinicScope.acrossClinics(ClinicScope.Reason.SCHEDULED_JOB,
				() -> this.transactions.execute((status) -> flagPersistentHeadachesInTransaction(after)));
		if (run == null) {
			return -1;
		}
		// Moved on only once the run committed: a run rolled back is taken again.
		this.persistentHeadacheCursor = run.next();
		if (run.examined() > 0) {
			log.info("R6 examined {} episode(s) with an ongoing headache in {} ms", run.examined(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		return run.examined();
	}

	/**
	 * Episodes per R6 run at most, for tests; the next run starts from the first
	 * candidate.
	 */
	void persistentHeadacheBatch(int batch) {
		this.persistentHeadacheBatch = batch;
		this.persistentHeadacheCursor = EpisodeKey.START;
	}

	private PersistentHeadacheRun flagPersistentHeadachesInTransaction(EpisodeKey after) {
		if (!tryLock(PERSISTENT_HEADACHE_LOCK)) {
			return null;
		}
		Instant now = this.clock.instant();
		int batch = this.persistentHeadacheBatch;
		// R6: episodes whose latest headache is still going on and began more than a day
		// ago (each clinic's own threshold is applied by the rule), within the 12 weeks
		// of an episode. The benchmark found the same first batch examined on every run
		// and the rest never: those flagged at the top of the scale are left out, and the
		// rest come in (clinic, treatment) order after the previous run's last one.
		List<Candidate> episodes = this.ongoingHeadaches.candidates(now.minus(PersistentHeadacheClock.EPISODE),
				now.minus(Duration.ofDays(1)), after.clinicId(), after.treatmentId(), PERSISTENT_HEADACHE_TOP, batch);
		// One settings lookup per clinic in the batch, not one per episode.
		Map<UUID, RuleSettings> settings = new HashMap<>();
		for (Candidate episode : episodes) {
			evaluatePersistence(episode, settings.computeIfAbsent(episode.clinicId(), this.triage::settingsFor), now);
			// R6: each episode's reports and flags leave the persistence
			// context once written, so later episodes' queries do not flush-check
			// them again and a run costs the same per episode from first to last.
			// Nothing managed is held from one episode to the next.
			this.entityManager.flush();
			this.entityManager.clear();
		}
		EpisodeKey next = (episodes.size() < batch) ? EpisodeKey.START
				: EpisodeKey.of(episodes.get(episodes.size() - 1));
		return new PersistentHeadacheRun(episodes.size(), next);
	}

	/**
	 * Loads what R6's clock weighs for one episode, and applies its verdict: raises or
	 * raises further the episode's R6 flag, and notes the episode settled through the
	 * headache's report when only a later report can change anything.
	 */
	private void evaluatePersistence(Candidate episode, RuleSettings settings, Instant now) {
		List<ReportView> reports = this.reports.episode(new ClinicId(episode.clinicId()),
				new TreatmentId(episode.treatmentId()));
		Optional<EntryFacts> latestHeadache = Triage.latestHeadache(reports);
		if (latestHeadache.isEmpty() || !latestHeadache.get().ongoing()) {
			return;
		}
		ReportView last = reports.get(reports.size() - 1);
		List<Flag> r6 = this.flags.findByClinicIdAndTreatmentIdAndRuleCode(episode.clinicId(), episode.treatmentId(),
				RuleCode.R6_PERSISTENT_HEADACHE);
		Priority flagged = r6.stream().map(Flag::priority).max(Comparator.naturalOrder()).orElse(null);
		Verdict verdict = PersistentHeadacheClock.check(latestHeadache.get(), last.otherCauses(),
				this.triage.patientFacts(episode.clinicId(), episode.patientId()),
				this.triage.treatmentFacts(episode.clinicId(), episode.treatmentId()), settings, flagged, now);
		verdict.raise().ifPresent((finding) -> {
			List<Flag> open = r6.stream().filter((f) -> f.status() != FlagStatus.RESOLVED).toList();
			this.triage.apply(episode.clinicId(), episode.patientId(), episode.treatmentId(), null, List.of(finding),
					open, now);
		});
		if (verdict.settled()) {
			settle(episode, latestHeadache.get().reportedAt(), now);
		}
	}

	private void settle(Candidate episode, Instant through, Instant now) {
		this.jdbc.sql("""
				INSERT INTO persistent_headache_settled (clinic_id, treatment_id, through, settled_at)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (clinic_id, treatment_id) DO UPDATE SET through = excluded.through,
				                                                   settled_at = excluded.settled_at
				""")
			.params(episode.clinicId(), episode.treatmentId(), Timestamp.from(through), Timestamp.from(now))
			.update();
	}

	/**
	 * Where an R6 run stops, in the candidates' (clinic, treatment) order; {@link #START}
	 * (the nil ids) sorts before every episode.
	 */
	private record EpisodeKey(UUID clinicId, UUID treatmentId) {

		static final EpisodeKey START = new EpisodeKey(new UUID(0, 0), new UUID(0, 0));

		static EpisodeKey of(Candidate episode) {
			return new EpisodeKey(episode.clinicId(), episode.treatmentId());
		}

	}

	/** What an R6 run examined, and where the next one starts. */
	private record PersistentHeadacheRun(int examined, EpisodeKey next) {
	}

	private boolean tryLock(long key) {
		return Boolean.TRUE
			.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(key).query(Boolean.class).single());
	}

}
