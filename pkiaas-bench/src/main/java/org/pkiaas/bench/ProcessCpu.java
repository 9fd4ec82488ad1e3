package org.pkiaas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  /** Only the threads whose names start with one of these; null: the whole process. */
  private final List<String> threadPrefixes;

  /** Only the time spent in the kernel on the process's behalf (stime), not in its own code. */
  private final boolean kernelOnly;

  /**
   * The ticks last read of every matching thread seen so far, by thread id and start time: a thread
   * that ends (HotSpot starts and stops compiler threads as the queue grows and shrinks) keeps what
   * it had used when last read, so the sum never goes back.
   */
  private final Map<String, Long> seenTicks = new ConcurrentHashMap<>();

  /**
   * The JIT compiler threads' names as {@code /proc/<pid>/task/<tid>/comm} gives them (cut to 15
   * characters): HotSpot's C1 and C2 compiler threads.
   */
  private static final List<String> COMPILER_THREADS =
      List.of("C1 CompilerThre", "C2 CompilerThre");

  /**
   * HotSpot's garbage collection threads as {@code comm} names them: G1's and the parallel
   * collector's workers, G1's concurrent, refinement and service threads, and the VM thread that
   * runs the pauses' safepoint operations.
   */
  static final List<String> GC_THREADS = List.of("GC Thread", "G1 ", "VM Thread");

  /**
   * The parts of the first named process measured beside the whole, last in {@link
   * #fromProperties}' array in this order: its JIT compiler threads, its garbage collection threads
   * and its time in the kernel (system calls: sockets, futexes; page faults).
   */
  enum ServerPart {
    JIT,
    GC,
    KERNEL
  }

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
    this.threadPrefixes = null;
    this.kernelOnly = false;
  }

  private ProcessCpu(
      String name, long pid, long ticksPerSecond, List<String> threadPrefixes, boolean kernelOnly) {
    this.name = name;
    this.pid = pid;
    this.ticksPerSecond = ticksPerSecond;
    this.withChildren = false;
    this.threadPrefixes = threadPrefixes == null ? null : List.copyOf(threadPrefixes);
    this.kernelOnly = kernelOnly;
  }

  /**
   * The processes named in the system properties {@code bench.cpu.<name>.pid}, then this one with
   * the children it waited for, as the client (the load generator), then the first named process's
   * {@link ServerPart}s (each part of its CPU): what the server still spends compiling, collecting
   * garbage and in the kernel while it is measured.
   */
  static ProcessCpu[] fromProperties(String... names) {
    long ticks = Long.getLong("bench.cpu.ticks", 100);
    int parts = ServerPart.values().length;
    ProcessCpu[] processes = new ProcessCpu[names.length + 1 + parts];
    for (int i = 0; i < names.length; i++) {
      processes[i] =
          new ProcessCpu(names[i], Long.getLong("bench.cpu." + names[i] + ".pid", -1), ticks);
    }
    processes[names.length] = new ProcessCpu("client", ProcessHandle.current().pid(), ticks, true);
    long server = processes[0].pid;
    processes[index(processes.length, ServerPart.JIT)] =
        threads(names[0] + " JIT", server, ticks, COMPILER_THREADS);
    processes[index(processes.length, ServerPart.GC)] =
        threads(names[0] + " GC", server, ticks, GC_THREADS);
    processes[index(processes.length, ServerPart.KERNEL)] =
        new ProcessCpu(names[0] + " kernel", server, ticks, null, true);
    return processes;
  }

  /**
   * The CPU of those threads of process {@code pid} whose names start with one of {@code prefixes}.
   */
  static ProcessCpu threads(String name, long pid, long ticksPerSecond, List<String> prefixes) {
    return new ProcessCpu(name, pid, ticksPerSecond, prefixes, false);
  }

  /**
   * Where {@link #fromProperties} puts the first process's {@code part} in an array (of processes,
   * or of their CPU seconds) of {@code length}.
   */
  static int index(int length, ServerPart part) {
    return length - ServerPart.values().length + part.ordinal();
  }

  String name() {
    return name;
  }

  /** The process's id; 0 or less when it is not known. */
  long pid() {
    return pid;
  }

  /** Seconds of CPU used so far; NaN when the process is unknown or unreadable. */
  double seconds() {
    if (pid <= 0) {
      return Double.NaN;
    }
    if (threadPrefixes != null) {
      return threadSeconds();
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name, field 2, is in parentheses and may hold spaces: count fields after it
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = (kernelOnly ? 0 : Long.parseLong(fields[11])) + Long.parseLong(fields[12]);
      if (withChildren) {
        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return ticks / (double) ticksPerSecond;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * The CPU of this process's threads whose names start with one of {@link #threadPrefixes},
   * including those that have ended since an earlier call, up to that call.
   */
  private double threadSeconds() {
    ServerThreads.Snapshot now = ServerThreads.snapshot(pid);
    if (now.threads().isEmpty()) {
      return Double.NaN;
    }
    now.threads()
        .forEach(
            (thread, reading) -> {
              if (threadPrefixes.stream().anyMatch(reading.comm()::startsWith)) {
                seenTicks.put(thread, reading.user() + reading.kernel());
              }
            });
    long ticks = seenTicks.values().stream().mapToLong(Long::longValue).sum();
    return ticks / (double) ticksPerSecond;
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
