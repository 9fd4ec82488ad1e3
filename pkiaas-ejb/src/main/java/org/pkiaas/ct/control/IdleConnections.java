package org.pkiaas.ct.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The connections to CT logs kept open between submissions (RFC 9112 §9.3): up to {@value
 * #MAX_IDLE} per log, each for at most {@link #IDLE_LIMIT}. The most recently used goes out first,
 * the least likely to have been closed by its log; {@link #sweep()} closes the ones idle too long.
 */
final class IdleConnections implements AutoCloseable {

  /** Idle connections kept per log; more are closed when their exchange ends. */
  static final int MAX_IDLE = 64;

  /**
   * Below the keep-alive timeouts of common HTTP servers (5 s for Apache httpd and Node.js): a
   * connection a log has closed costs a submission one more attempt.
   */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(4);

  private final ConcurrentHashMap<LogOrigin, LinkedBlockingDeque<LogConnection>> idle =
      new ConcurrentHashMap<>();
  private final long limitNanos;
  private volatile boolean closed;

  IdleConnections() {
    this(IDLE_LIMIT);
  }

  IdleConnections(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /** A connection to {@code origin} idle for less than the limit, or null. */
  LogConnection take(LogOrigin origin) {
    LinkedBlockingDeque<LogConnection> kept = idle.get(origin);
    if (kept == null) {
      return null;
    }
    long now = System.nanoTime();
    for (LogConnection c = kept.pollFirst(); c != null; c = kept.pollFirst()) {
      if (now - c.idleSince < limitNanos) {
        return c;
      }
      c.closeQuietly();
    }
    return null;
  }

  /** Keeps {@code connection}, whose last answer was read to its end, or closes it. */
  void keep(LogOrigin origin, LogConnection connection) {
    connection.idleSince = System.nanoTime();
    LinkedBlockingDeque<LogConnection> kept =
        idle.computeIfAbsent(origin, o -> new LinkedBlockingDeque<>(MAX_IDLE));
    if (closed || !kept.offerFirst(connection) || closed && kept.remove(connection)) {
      connection.closeQuietly(); // full, or closed before or while it was kept
    }
  }

  /** Closes the connections idle for longer than the limit. */
  void sweep() {
    long now = System.nanoTime();
    for (LinkedBlockingDeque<LogConnection> kept : idle.values()) {
      for (LogConnection c = kept.peekLast(); c != null; c = kept.peekLast()) {
        if (now - c.idleSince < limitNanos || !kept.removeLastOccurrence(c)) {
          break;
        }
        c.closeQuietly();
      }
    }
  }

  /** Closes every idle connection, and each one handed back from now on. */
  @Override
  public void close() {
    closed = true;
    for (LinkedBlockingDeque<LogConnection> kept : idle.values()) {
      for (LogConnection c = kept.poll(); c != null; c = kept.poll()) {
        c.closeQuietly();
      }
    }
  }
}
