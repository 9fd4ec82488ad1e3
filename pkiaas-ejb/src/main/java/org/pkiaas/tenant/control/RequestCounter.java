package org.pkiaas.tenant.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * Fixed-window request counts per key (kind and client address). Thread-safe; bounded in memory:
 * when full, windows that have ended are dropped first, then all (a flood of fresh addresses can at
 * worst reset the counts, never exhaust the heap).
 */
public final class RequestCounter {

  private record Window(Instant start, int count) {}

  private final int maxKeys;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RequestCounter(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  /**
   * Counts one request; answers how long to wait when it is over the limit (it is then not
   * counted).
   */
  public Optional<Duration> admit(String key, RateLimit limit, Instant now) {
    if (limit.off()) {
      return Optional.empty();
    }
    if (!windows.containsKey(key) && windows.size() >= maxKeys) {
      windows.values().removeIf(w -> ended(w, limit, now));
      if (windows.size() >= maxKeys) {
        windows.clear();
      }
    }
    Window[] refusedIn = new Window[1];
    windows.compute(
        key,
        (k, old) -> {
          if (old == null || ended(old, limit, now)) {
            return new Window(now, 1);
          }
          if (old.count() >= limit.requests()) {
            refusedIn[0] = old;
            return old;
          }
          return new Window(old.start(), old.count() + 1);
        });
    if (refusedIn[0] == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, refusedIn[0].start().plus(limit.window())));
  }

  private static boolean ended(Window window, RateLimit limit, Instant now) {
    return !now.isBefore(window.start().plus(limit.window()));
  }
}
