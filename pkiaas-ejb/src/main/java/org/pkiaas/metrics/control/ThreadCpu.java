package org.pkiaas.metrics.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The calling thread's CPU time, user and kernel, for meters that say what a piece of work costs
 * the server rather than how long it waited: a thread that waits on a socket or a lock spends no
 * CPU meanwhile. One reading is a system call (the thread's CPU clock); read it around work that
 * costs far more, never per statement.
 *
 * <p>Where the JVM cannot read thread CPU clocks, or has them turned off, every reading is zero, so
 * meters built on it stay at zero rather than fail.
 */
public final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private ThreadCpu() {}

  /** The calling thread's CPU time so far, in nanoseconds; only differences mean anything. */
  public static long nanos() {
    if (!SUPPORTED) {
      return 0;
    }
    return Math.max(0, THREADS.getCurrentThreadCpuTime()); // -1 while measurement is off
  }

  /** The calling thread's CPU time since {@code start}, a reading of {@link #nanos()}. */
  public static Duration since(long start) {
    return Duration.ofNanos(Math.max(0, nanos() - start));
  }
}
