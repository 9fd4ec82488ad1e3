package org.pkiaas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a Linux process has used so far, user and system, from {@code /proc/<pid>/stat}
 * (proc(5): fields 14 and 15, in clock ticks). Taken before and after a measurement, it says where
 * the machine's cores went when the client and the server share them.
 */
final class ProcessCpu {

  private final String name;
  private final long pid;
  private final long ticksPerSecond;
  private final boolean withChildren;

  /**
   * @param ticksPerSecond {@code getconf CLK_TCK}, 100 on Linux almost always
   */
  ProcessCpu(String name, long pid, long ticksPerSecond) {
    this(name, pid, ticksPerSecond, false);
  }

  /**
   * @param withChildren count the CPU of child processes waited for (fields 16 and 17), such as
   *     {@code wrk} started by the client
   */
  ProcessCpu(String name, long pid, long ticksPerSecond, boolean withChildren) {
    this.name = name;
    this.pid = pid;
    this.ticksPerSecond = ticksPerSecond;
    this.withChildren = withChildren;
  }

  /**
   * The processes named in the system properties {@code bench.cpu.<name>.pid}, and this one with
   * the children it waited for, as the client (the load generator).
   */
  static ProcessCpu[] fromProperties(String... names) {
    long ticks = Long.getLong("bench.cpu.ticks", 100);
    ProcessCpu[] processes = new ProcessCpu[names.length + 1];
    for (int i = 0; i < names.length; i++) {
      processes[i] =
          new ProcessCpu(names[i], Long.getLong("bench.cpu." + names[i] + ".pid", -1), ticks);
    }
    processes[names.length] = new ProcessCpu("client", ProcessHandle.current().pid(), ticks, true);
    return processes;
  }

  String name() {
    return name;
  }

  /** Seconds of CPU used so far; NaN when the process is unknown or unreadable. */
  double seconds() {
    if (pid <= 0) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name, field 2, is in parentheses and may hold spaces: count fields after it
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (withChildren) {
        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return ticks / (double) ticksPerSecond;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** CPU seconds each process used since {@code before} (a {@link #snapshot}). */
  static double[] since(ProcessCpu[] processes, double[] before) {
    double[] now = snapshot(processes);
    for (int i = 0; i < now.length; i++) {
      now[i] -= before[i];
    }
    return now;
  }

  static double[] snapshot(ProcessCpu[] processes) {
    double[] seconds = new double[processes.length];
    for (int i = 0; i < processes.length; i++) {
      seconds[i] = processes[i].seconds();
    }
    return seconds;
  }
}
