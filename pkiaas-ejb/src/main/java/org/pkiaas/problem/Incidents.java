package org.pkiaas.problem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs unexpected failures so that an outage cannot flood the disk: every failure gets one line
 * with a fresh incident id (the id the client is shown), and the full stack trace is written only
 * the first time a distinct cause is seen within {@link #TRACE_INTERVAL}. A cause is its root
 * exception's class and the frame that threw it.
 */
public final class Incidents {

  static final Duration TRACE_INTERVAL = Duration.ofMinutes(10);
  private static final int MAX_REMEMBERED = 1000;
  private static final Map<String, Long> TRACED = new ConcurrentHashMap<>();

  private Incidents() {}

  /** Logs the failure at {@code level} and returns its incident id. */
  public static String log(Logger logger, Level level, String what, Throwable failure) {
    String id = UUID.randomUUID().toString();
    Throwable root = root(failure);
    String line =
        "Incident "
            + id
            + ": "
            + what
            + ": "
            + root.getClass().getName()
            + ": "
            + root.getMessage();
    if (firstInInterval(signature(root), System.nanoTime())) {
      logger.log(
          level,
          line
              + " (stack trace follows; repeats of this cause within "
              + TRACE_INTERVAL.toMinutes()
              + " min are logged as one line)",
          failure);
    } else {
      logger.log(level, line);
    }
    return id;
  }

  static boolean firstInInterval(String signature, long now) {
    if (TRACED.size() > MAX_REMEMBERED) {
      TRACED.clear();
    }
    boolean[] first = {false};
    TRACED.compute(
        signature,
        (key, last) -> {
          if (last == null || now - last >= TRACE_INTERVAL.toNanos()) {
            first[0] = true;
            return now;
          }
          return last;
        });
    return first[0];
  }

  private static String signature(Throwable root) {
    StackTraceElement[] frames = root.getStackTrace();
    return root.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
  }

  private static Throwable root(Throwable failure) {
    Throwable current = failure;
    for (int i = 0; i < 50 && current.getCause() != null && current.getCause() != current; i++) {
      current = current.getCause();
    }
    return current;
  }
}
