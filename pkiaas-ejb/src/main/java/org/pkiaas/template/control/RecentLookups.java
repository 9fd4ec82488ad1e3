package org.pkiaas.template.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read from the database, kept for a short lifetime and dropped at once when told that what
 * they were read from changed. A value loaded while a change was under way is not kept: each load
 * notes the generation it began in, and {@link #forgetAll} moves the generation before it clears,
 * so a load that overlapped it removes what it put. Nothing is kept when the lifetime is zero, and
 * a load that finds nothing (null) is never kept. Thread-safe; loads of one key may run twice at
 * once, and the later value wins.
 */
final class RecentLookups<K, V> {

  private record Entry<V>(V value, long loadedAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long lifetimeNanos;
  private final int capacity;
  private final LongSupplier nanoTime;

  /**
   * @param lifetimeNanos how long a value is served after it was read; 0 keeps nothing
   * @param capacity how many values are kept at most; reaching it starts again from none
   * @param nanoTime the clock ({@link System#nanoTime} but in tests)
   */
  RecentLookups(long lifetimeNanos, int capacity, LongSupplier nanoTime) {
    if (lifetimeNanos < 0 || capacity < 1) {
      throw new IllegalArgumentException("lifetime " + lifetimeNanos + ", capacity " + capacity);
    }
    this.lifetimeNanos = lifetimeNanos;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  /**
   * The value of {@code key}: the kept one while it is young enough, else what {@code load} reads.
   */
  V get(K key, Function<K, V> load) {
    long now = nanoTime.getAsLong();
    Entry<V> kept = entries.get(key);
    if (kept != null && now - kept.loadedAt() < lifetimeNanos) {
      return kept.value();
    }
    long began = generation.get();
    V value = load.apply(key);
    if (value == null || lifetimeNanos == 0) {
      return value;
    }
    if (entries.size() >= capacity && !entries.containsKey(key)) {
      entries.clear();
    }
    Entry<V> fresh = new Entry<>(value, now);
    entries.put(key, fresh);
    if (generation.get() != began) {
      // a change overlapped the load: what it read may be from before the change
      entries.remove(key, fresh);
    }
    return value;
  }

  /** Drops every kept value, and any that a load under way now would keep. */
  void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  /** How many values are kept (for tests). */
  int size() {
    return entries.size();
  }
}
