package org.aftercare.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small in-process cache whose entries live a short, fixed time. What this instance
 * changes it evicts at once; what another instance changes shows here after at most the
 * time to live, so use it only where that delay is harmless. Bounded: when full, it
 * starts again empty. A value loaded while an eviction ran is returned but not kept, so
 * an eviction after a commit is never undone by a read that started before it.
 */
public final class ShortCache<K, V> {

	private record Entry<V>(V value, long expiresAt) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	/** Bumped by every eviction. */
	private final AtomicLong evictions = new AtomicLong();

	private final long ttlNanos;

	private final int maxEntries;

	public ShortCache(Duration ttl, int maxEntries) {
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
	}

	/** The cached value, or the loader's (not cached when null). */
	public V get(K key, Function<K, V> loader) {
		long now = System.nanoTime();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.value();
		}
		long evictionsBefore = this.evictions.get();
		V value = loader.apply(key);
		if (value != null && this.evictions.get() == evictionsBefore) {
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(value, now + this.ttlNanos));
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
