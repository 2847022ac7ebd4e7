package org.aftercare.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short cache's background refresh: a value whose minute is up is served at once
 * while one reload runs elsewhere; an eviction is never answered with the old value.
 */
class ShortCacheTests {

	private static final Duration TTL = Duration.ofMinutes(1);

	private static final Duration MAX_STALE = Duration.ofMinutes(10);

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final ShortCache<String, Integer> cache = new ShortCache<>(TTL, 10, this.nanos::get);

	private final AtomicInteger loads = new AtomicInteger();

	private boolean evictWhileLoading;

	private final Function<String, Integer> loader = (key) -> {
		if (this.evictWhileLoading) {
			this.cache.evict(key);
		}
		return this.loads.incrementAndGet();
	};

	private final List<Runnable> background = new ArrayList<>();

	@Test
	void aFreshValueIsServedWithoutLoading() {
		assertThat(read()).isEqualTo(1);
		this.nanos.addAndGet(TTL.toNanos() - 1);
		assertThat(read()).isEqualTo(1);
		assertThat(this.loads).hasValue(1);
		assertThat(this.background).isEmpty();
	}

	@Test
	void aValueWhoseTimeIsUpIsServedWhileOneReloadRunsInTheBackground() {
		assertThat(read()).isEqualTo(1);
		this.nanos.addAndGet(TTL.toNanos() + 1);
		assertThat(read()).as("the stale value, at once").isEqualTo(1);
		assertThat(read()).as("still the stale value while the reload is queued").isEqualTo(1);
		assertThat(this.background).as("one reload, however many readers").hasSize(1);
		assertThat(this.loads).hasValue(1);
		this.background.remove(0).run();
		assertThat(read()).as("the reloaded value").isEqualTo(2);
		assertThat(this.background).isEmpty();
	}

	@Test
	void anEvictedValueIsLoadedByTheReaderNeverServedStale() {
		assertThat(read()).isEqualTo(1);
		this.nanos.addAndGet(TTL.toNanos() + 1);
		this.cache.evict("key");
		assertThat(read()).isEqualTo(2);
		assertThat(this.background).isEmpty();
	}

	@Test
	void aReloadThatAnEvictionOvertookIsNotKept() {
		assertThat(read()).isEqualTo(1);
		this.nanos.addAndGet(TTL.toNanos() + 1);
		assertThat(read()).isEqualTo(1);
		// A report committed while the reload read the database: what it read may miss
		// it.
		this.evictWhileLoading = true;
		this.background.remove(0).run();
		this.evictWhileLoading = false;
		assertThat(read()).as("loaded again by the reader, not the overtaken reload").isEqualTo(3);
		assertThat(this.loads).hasValue(3);
	}

	@Test
	void aValueOlderThanTheStalenessAllowedIsLoadedByTheReader() {
		assertThat(read()).isEqualTo(1);
		this.nanos.addAndGet(TTL.toNanos() + MAX_STALE.toNanos() + 1);
		assertThat(read()).isEqualTo(2);
		assertThat(this.background).isEmpty();
	}

	private Integer read() {
		return this.cache.getRefreshingInBackground("key", this.loader, MAX_STALE, this.background::add);
	}

}
