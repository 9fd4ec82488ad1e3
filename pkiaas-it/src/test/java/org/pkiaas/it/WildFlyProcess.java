package org.pkiaas.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The WildFly process the tests run against, found by its port offset; its CPU time read from
 * /proc.
 */
final class WildFlyProcess {

  /**
   * Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux architecture in use).
   */
  private static final int TICKS_PER_SECOND = 100;

  private WildFlyProcess() {}

  static long pid() {
    String offset =
        "-Djboss.socket.binding.port-offset=" + System.getProperty("pkiaas.it.port-offset", "100");
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(
                        args ->
                            Arrays.asList(args).contains(offset)
                                && Arrays.stream(args).anyMatch(a -> a.contains("jboss-modules")))
                    .orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No WildFly process with " + offset));
  }

  /** User plus system CPU time the process has used so far (utime + stime of /proc/<pid>/stat). */
  static Duration cpuTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name in parentheses may hold spaces; the fields after it are space-separated.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
