package org.aftercare.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.aftercare.report.ReportSubmitted;
import org.aftercare.report.Symptom;
import org.aftercare.security.ClinicId;
import org.aftercare.security.ClinicScope;
import org.aftercare.treatment.Area;
import org.aftercare.treatment.Product;
import org.aftercare.web.ShortCache;

/**
 * CLINICAL.md section 6: incidence of a symptom within 14 days of a treatment, among
 * treatments with at least one answered check-in, per group, with Wilson 95% intervals; a
 * group whose whole interval lies above the clinic's own rate is a signal to look at
 * technique, dose and placement, never a verdict.
 * <p>
 * A result is kept for a minute per clinic, zone and criteria: the statement reads every
 * treatment of the period (0.1 to 1 s at a year of a busy clinic in the benchmark) and
 * the page is read far more often than it changes. A report submitted on this instance
 * evicts its clinic's results once committed; one submitted on another instance shows
 * here within the minute, which is harmless for counts over months.
 * <p>
 * When a result's minute is up, the next reader gets it at once while one recomputation
 * runs in the background (up to ten minutes after, and never after an eviction: a new
 * report is counted before the page is shown again). So a nurse does not wait for the
 * statement because a minute went by (on a slow machine the statement took up to a second
 * on cold buffers, and the requests that found the minute up made the page's p99 492 ms).
 */
@Component
class Analytics {

	/**
	 * Published rates. Headache: 10.2% of 186 patients, J Cosmet Dermatol 2022, PMID
	 * 34897957 (CLINICAL.md section 1).
	 */
	private static final Map<Symptom, AnalyticsResult.Reference> REFERENCES = Map.of(Symptom.HEADACHE,
			new AnalyticsResult.Reference(0.102, "analytics.reference.HEADACHE"));

	private final AnalyticsQuery query;

	private final MessageSource messages;

	record Key(ClinicId clinicId, ZoneId zone, AnalyticsCriteria criteria) {
	}

	/** How long a result may be shown while its recomputation runs in the background. */
	static final Duration MAX_STALE = Duration.ofMinutes(10);

	private final ShortCache<Key, AnalyticsResult> results;

	private final Executor background;

	@Autowired
	Analytics(AnalyticsQuery query, MessageSource messages, @Qualifier("applicationTaskExecutor") Executor background) {
		this(query, messages, background, new ShortCache<>(Duration.ofMinutes(1), 2000));
	}

	/** With its own cache and background, for tests. */
	Analytics(AnalyticsQuery query, MessageSource messages, Executor background,
			ShortCache<Key, AnalyticsResult> results) {
		this.query = query;
		this.messages = messages;
		this.background = background;
		this.results = results;
	}

	AnalyticsResult incidence(ClinicId clinicId, ZoneId zone, AnalyticsCriteria criteria) {
		Locale locale = LocaleContextHolder.getLocale();
		// In the clinic's explicit scope: the background recomputation has no signed-in
		// user, and without a scope row-level security would show it no rows at all.
		return this.results.getRefreshingInBackground(new Key(clinicId, zone, criteria),
				(key) -> ClinicScope.runInClinic(clinicId, () -> compute(clinicId.value(), zone, criteria, locale)),
				MAX_STALE, this.background);
	}

	/** A new report changes its clinic's counts: forget them once it is committed. */
	@EventListener
	void on(ReportSubmitted submitted) {
		ClinicId clinicId = submitted.clinicId();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					evict(clinicId);
				}
			});
		}
		evict(clinicId);
	}

	private void evict(ClinicId clinicId) {
		this.results.evictIf((key) -> key.clinicId().equals(clinicId));
	}

	/** One statement, in the read-only transaction of {@link AnalyticsQuery#counts}. */
	private AnalyticsResult compute(UUID clinicId, ZoneId zone, AnalyticsCriteria criteria, Locale locale) {
		List<AnalyticsQuery.Count> counts = this.query.counts(clinicId, criteria.dimension(), criteria.symptom().name(),
				criteria.start(zone), criteria.end(zone));
		AnalyticsQuery.Count total = counts.stream()
			.filter((c) -> c.key() == null)
			.findFirst()
			.orElse(new AnalyticsQuery.Count(null, null, 0, 0));
		AnalyticsResult.Row overall = AnalyticsResult.Row.of(null, message("analytics.overall", locale),
				total.treatments(), total.withSymptom(), null);
		Double overallRate = overall.incidence();
		List<AnalyticsResult.Row> groups = counts.stream()
			.filter((c) -> c.key() != null)
			.sorted(order(criteria.dimension()))
			.map((c) -> AnalyticsResult.Row.of(c.key(), label(criteria.dimension(), c, locale), c.treatments(),
					c.withSymptom(), overallRate))
			.toList();
		return new AnalyticsResult(criteria, groups, overall, REFERENCES.get(criteria.symptom()));
	}

	private String label(AnalyticsDimension dimension, AnalyticsQuery.Count count, Locale locale) {
		return switch (dimension) {
			case PRODUCT -> message("product." + count.key(), locale);
			case AREA -> message("area." + count.key(), locale);
			case DOSE_BAND -> message("analytics.band." + count.key(), locale);
			case INJECTOR -> count.name();
		};
	}

	/** Products, areas and bands in their natural order; injectors by name. */
	private static Comparator<AnalyticsQuery.Count> order(AnalyticsDimension dimension) {
		return switch (dimension) {
			case PRODUCT -> Comparator.comparingInt((c) -> ordinal(Product.class, c.key()));
			case AREA -> Comparator.comparingInt((c) -> ordinal(Area.class, c.key()));
			case DOSE_BAND -> Comparator.comparingInt((c) -> AnalyticsDimension.DOSE_BANDS.indexOf(c.key()));
			case INJECTOR -> Comparator.comparing(AnalyticsQuery.Count::name, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(AnalyticsQuery.Count::key);
		};
	}

	private static <E extends Enum<E>> int ordinal(Class<E> type, String key) {
		try {
			return Enum.valueOf(type, key).ordinal();
		}
		catch (IllegalArgumentException ex) {
			return Integer.MAX_VALUE;
		}
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
