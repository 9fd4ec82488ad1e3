package org.pkiaas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table every benchmark reports, from one run: per path, the rate; the CPU per operation of
 * the server's JVM, of MariaDB and of the load generator (this process and its children), read from
 * {@code /proc}; the in-memory CPU per operation of the same work with Bouncy Castle; their ratio;
 * how the warm-up went. Beside it, the machine's fsync latency and load average, measured in the
 * same run before and after.
 */
final class Figures {

  /** One measured path. */
  record Row(
      String path,
      Clients.Outcome outcome,
      InMemory.Cost inMemory,
      WarmUp.Done warmUp,
      long compilationsDuring,
      String goal) {

    double cpuMillis(int process) {
      return 1000 * outcome.cpuSeconds()[process] / outcome.operations();
    }

    double ratio() {
      return cpuMillis(0) / inMemory.cpuMillis();
    }

    /** The server's JIT compiler threads' part of its CPU per operation ({@link ProcessCpu}). */
    double jitMillis() {
      return partMillis(ProcessCpu.ServerPart.JIT);
    }

    /** A part of the server's CPU per operation: its JIT, its GC threads or its kernel time. */
    double partMillis(ProcessCpu.ServerPart part) {
      return cpuMillis(ProcessCpu.index(outcome.cpuSeconds().length, part));
    }
  }

  private static final long TICKS = Long.getLong("bench.cpu.ticks", 100);

  private final Path work;
  private final Machine.Fsync fsyncBefore;
  private final String loadBefore;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Figures(Path work, Machine.Fsync fsync, String load) {
    this.work = work;
    this.fsyncBefore = fsync;
    this.loadBefore = load;
  }

  /** Takes the machine's figures before the first measurement. */
  static Figures start(Path work) throws java.io.IOException {
    String load = Machine.loadAverage();
    return new Figures(work, Machine.fsync(work), load);
  }

  void add(Row row) {
    rows.add(row);
  }

  /** A line below the table, such as a part of the server's CPU measured on its own. */
  void note(String line) {
    notes.add(line);
  }

  /**
   * A note splitting {@code measured}'s server CPU per operation into {@code floor}'s (the same
   * HTTP path with a request refused before the work: {@code floorWork} says what it still does)
   * and the rest, against a goal of {@code factor} × the in-memory cost: the goal leaves ({@code
   * factor} − 1) × the in-memory cost for everything but the work itself, and the note says how
   * many times that the floor alone is.
   */
  static String floorNote(
      Row measured, Row floor, double factor, String operation, String floorWork) {
    double server = measured.cpuMillis(0);
    double base = floor.cpuMillis(0);
    double memory = measured.inMemory().cpuMillis();
    double budget = factor * memory;
    double overhead = budget - memory;
    return String.format(
        Locale.ROOT,
        "Floor: server CPU per %s = floor + rest, %.3f ms = %.3f ms (%s) + %.3f ms (the %s's own"
            + " work; %.3f ms in memory). The goal, %.1f × %.3f = %.3f ms, leaves %.3f ms per %s"
            + " beside the work itself; the floor alone is %.1f × that.",
        operation,
        server,
        base,
        floorWork,
        server - base,
        operation,
        memory,
        factor,
        memory,
        budget,
        overhead,
        operation,
        base / overhead);
  }

  /** The table and the conditions, the machine's figures taken again now. */
  String report() throws java.io.IOException {
    for (Row row : rows) {
      Clients.Outcome outcome = row.outcome();
      // a run whose requests failed measured something else (a server gone, a wrong URL)
      if (outcome.operations() == 0 || outcome.failures() * 100L > outcome.operations()) {
        throw new IllegalStateException(
            row.path()
                + ": "
                + outcome.failures()
                + " of "
                + (outcome.operations() + outcome.failures())
                + " operations failed (first: "
                + outcome.firstFailure()
                + "); nothing is recorded");
      }
    }
    String loadAfter = Machine.loadAverage();
    Machine.Fsync fsyncAfter = Machine.fsync(work);
    StringBuilder out = new StringBuilder();
    out.append(
        "| path | ops/s | server CPU/op (WildFly) | MariaDB CPU/op | load generator CPU/op |"
            + " in-memory CPU/op (BC, 1 thread) | server ÷ in-memory | goal |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | **%,.1f** | %.2f ms | %.2f ms | %.2f ms | %.3f ms | **%.1f×** | %s |%n",
              row.path(),
              row.outcome().perSecond(),
              row.cpuMillis(0),
              row.cpuMillis(1),
              row.cpuMillis(2),
              row.inMemory().cpuMillis(),
              row.ratio(),
              row.goal()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nMachine during this run: %d cores; 4 KiB write + fsync %s before, %s after;"
                + " load average (1 / 5 / 15 min) %s before, %s after.%n%n",
            Runtime.getRuntime().availableProcessors(),
            fsyncBefore,
            fsyncAfter,
            loadBefore,
            loadAfter));
    for (Row row : rows) {
      Clients.Outcome outcome = row.outcome();
      out.append(
          String.format(
              Locale.ROOT,
              "- %s: %,d operations in %.1f s, %d failed%s; latency p50 %.1f ms, p99 %.1f ms."
                  + " Warm-up: %s; server JIT compilations during the measurement: %d, the"
                  + " compiler threads' CPU %.2f ms per operation (%.0f %% of the server's; without"
                  + " it %.2f ms, %.1f× the in-memory cost); its garbage collection threads"
                  + " %.3f ms and its time in the kernel %.3f ms per operation. In memory: %.3f ms"
                  + " on the measuring thread, and %.3f ms of that JVM's garbage collection"
                  + " threads; warm-up: %s.%n",
              row.path(),
              outcome.operations(),
              outcome.elapsed().toMillis() / 1000.0,
              outcome.failures(),
              outcome.firstFailure() == null ? "" : " (first: `" + outcome.firstFailure() + "`)",
              outcome.p50Millis(),
              outcome.p99Millis(),
              row.warmUp(),
              row.compilationsDuring(),
              row.jitMillis(),
              100 * row.jitMillis() / row.cpuMillis(0),
              row.cpuMillis(0) - row.jitMillis(),
              (row.cpuMillis(0) - row.jitMillis()) / row.inMemory().cpuMillis(),
              row.partMillis(ProcessCpu.ServerPart.GC),
              row.partMillis(ProcessCpu.ServerPart.KERNEL),
              row.inMemory().cpuMillis(),
              row.inMemory().gcMillis(),
              row.inMemory().warmUp()));
    }
    for (Row row : rows) {
      out.append(
              ServerThreads.line(
                  row.path(), row.outcome().serverThreads(), row.outcome().operations(), TICKS))
          .append('\n');
    }
    for (Row row : rows) {
      String line = row.outcome().statements().line(row.path(), row.outcome().operations());
      if (line != null) {
        out.append(line).append('\n');
      }
    }
    PerfProfile.drain().forEach(line -> out.append(line).append('\n'));
    // a blank line first: a note is a paragraph of its own, not part of the last bullet
    notes.forEach(line -> out.append('\n').append(line).append('\n'));
    return out.toString();
  }
}
