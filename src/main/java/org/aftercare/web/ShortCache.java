package org.aftercare.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small in-process cache whose entries live a short, fixed time. What this instance
 * changes it evicts at once; what another instance changes shows here after at most the
 * time to live, so use it only where that delay is harmless. Bounded: when full, it
 * starts again empty. A value loaded while an eviction ran is returned but not kept, so
 * an eviction after a commit is never undone by a read that started before it.
 */
public final class ShortCache<K, V> {

	private static final Logger log = LoggerFactory.getLogger(ShortCache.class);

	private record Entry<V>(V value, long expiresAt, AtomicBoolean refreshing) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	/** Bumped by every eviction. */
	private final AtomicLong evictions = new AtomicLong();

	private final long ttlNanos;

	private final int maxEntries;

	private final LongSupplier nanoTime;

	public ShortCache(Duration ttl, int maxEntries) {
		this(ttl, maxEntries, System::nanoTime);
	}

	/** With its own clock, in nanoseconds as {@link System#nanoTime()} counts them. */
	public ShortCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
		this.nanoTime = nanoTime;
	}

	/** The cached value, or the loader's (not cached when null). */
	public V get(K key, Function<K, V> loader) {
		long now = this.nanoTime.getAsLong();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.value();
		}
		return load(key, loader);
	}

	/**
	 * Like {@link #get}, but a value whose time to live has passed less than
	 * {@code maxStale} ago is returned at once while one reload runs on
	 * {@code background} (the reader does not wait for it). An evicted or older value is
	 * loaded by the reader, as {@link #get} does. The loader runs on another thread: it
	 * must not depend on the reader's thread (its signed-in user, its transaction).
	 */
	public V getRefreshingInBackground(K key, Function<K, V> loader, Duration maxStale, Executor background) {
		long now = this.nanoTime.getAsLong();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.value();
		}
		if (entry == null || now - entry.expiresAt() >= maxStale.toNanos()) {
			return load(key, loader);
		}
		// One reload at a time; other readers meanwhile get the stale value too.
		if (entry.refreshing().compareAndSet(false, true)) {
			try {
				background.execute(() -> refresh(key, loader, entry));
			}
			catch (RejectedExecutionException ex) {
				entry.refreshing().set(false);
				return load(key, loader);
			}
		}
		return entry.value();
	}

	private void refresh(K key, Function<K, V> loader, Entry<V> stale) {
		try {
			load(key, loader);
		}
		catch (RuntimeException ex) {
			// The stale value stays until its staleness runs out; the next reader
			// retries.
			log.warn("Could not refresh a cached value in the background", ex);
		}
		finally {
			stale.refreshing().set(false);
		}
	}

	private V load(K key, Function<K, V> loader) {
		long evictionsBefore = this.evictions.get();
		V value = loader.apply(key);
		if (value != null && this.evictions.get() == evictionsBefore) {
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(value, this.nanoTime.getAsLong() + this.ttlNanos, new AtomicBoolean()));
		}
		return value;
	}

	public void evict(K key) {
		this.evictions.incrementAndGet();
		this.entries.remove(key);
	}

	public void evictIf(Predicate<K> which) {
		this.evictions.incrementAndGet();
		this.entries.keySet().removeIf(which);
	}

	public void clear() {
		this.evictions.incrementAndGet();
		this.entries.clear();
	}

}
