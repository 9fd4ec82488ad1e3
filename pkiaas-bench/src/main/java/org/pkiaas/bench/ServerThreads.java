package org.pkiaas.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a measured window's server CPU went, by thread: every thread of the server's JVM read from
 * {@code /proc/<pid>/task/<tid>/stat} (proc(5): utime, stime, start time) before and after the
 * window, grouped by name with the numbers taken out ("default task-12" and "default task-3" are
 * both "default task-#", Undertow's request threads), and reported per operation, user and kernel
 * apart. Unlike a Java profiler's samples it sees everything a thread spends: the JVM's own work,
 * system calls, and threads that start during the window. A thread that ends inside the window is
 * missed (its CPU since the first reading is lost); the line says how many of the threads read
 * before the window did, but cannot know of a thread that both started and ended inside it.
 */
final class ServerThreads {

  /** One thread's name ({@code comm}, cut to 15 characters) and ticks, as last read. */
  record Reading(String comm, long user, long kernel) {}

  /** What every thread of the process had used at one moment, by thread id and start time. */
  record Snapshot(Map<String, Reading> threads) {}

  /**
   * The server's threads over one measured window: each group's CPU, the most first, and how many
   * threads ended inside it (their CPU is missed).
   */
  record Window(List<Usage> usages, long ended) {

    static final Window UNKNOWN = new Window(List.of(), 0);
  }

  /** One group's CPU over a window, in clock ticks. */
  record Usage(String group, int threads, long user, long kernel) {

    long total() {
      return user + kernel;
    }
  }

  private ServerThreads() {}

  /** Empty when the process cannot be read (its CPU is then not broken down). */
  static Snapshot snapshot(long pid) {
    Map<String, Reading> threads = new HashMap<>();
    if (pid <= 0) {
      return new Snapshot(threads);
    }
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          // fields 14 and 15 (utime, stime) and 22 (start time), counted from field 3
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          threads.put(
              task.getFileName() + "@" + fields[19],
              new Reading(comm, Long.parseLong(fields[11]), Long.parseLong(fields[12])));
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      threads.clear();
    }
    return new Snapshot(threads);
  }

  /** A thread's name without its numbers, so that the threads of one pool form one group. */
  static String group(String comm) {
    return comm.replaceAll("[0-9]+", "#").strip();
  }

  /** The groups' CPU from {@code before} to {@code after}, the most first. */
  static List<Usage> between(Snapshot before, Snapshot after) {
    Map<String, long[]> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, Reading> thread : after.threads().entrySet()) {
      Reading now = thread.getValue();
      Reading then = before.threads().get(thread.getKey());
      long user = now.user() - (then == null ? 0 : then.user());
      long kernel = now.kernel() - (then == null ? 0 : then.kernel());
      long[] sums = byGroup.computeIfAbsent(group(now.comm()), g -> new long[3]);
      sums[0]++;
      sums[1] += user;
      sums[2] += kernel;
    }
    List<Usage> usages = new ArrayList<>();
    byGroup.forEach((group, s) -> usages.add(new Usage(group, (int) s[0], s[1], s[2])));
    usages.sort(Comparator.comparingLong(Usage::total).reversed());
    return usages;
  }

  /**
   * {@link Window#UNKNOWN} when either reading failed: against an empty first reading every thread
   * would look new and be charged its whole life.
   */
  static Window window(Snapshot before, Snapshot after) {
    if (before.threads().isEmpty() || after.threads().isEmpty()) {
      return Window.UNKNOWN;
    }
    return new Window(between(before, after), ended(before, after));
  }

  /** Threads read before the window and gone after it: their CPU in the window is not counted. */
  static long ended(Snapshot before, Snapshot after) {
    return before.threads().keySet().stream().filter(k -> !after.threads().containsKey(k)).count();
  }

  /**
   * One line of the report: the groups that used at least {@code 1 %} of the window's thread CPU,
   * in ms per operation (user + kernel, the kernel part in parentheses), the rest summed.
   */
  static String line(String path, Window window, long operations, long ticksPerSecond) {
    List<Usage> usages = window.usages();
    long all = usages.stream().mapToLong(Usage::total).sum();
    if (all == 0 || operations == 0) {
      return "- the server's threads during \"" + path + "\": not readable.";
    }
    double perTick = 1000.0 / ticksPerSecond / operations;
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "- the server's CPU by thread during \"%s\", ms per operation (in the kernel): ",
                path));
    long rest = 0;
    int restGroups = 0;
    List<String> parts = new ArrayList<>();
    for (Usage usage : usages) {
      if (usage.total() * 100 < all) {
        rest += usage.total();
        restGroups++;
        continue;
      }
      parts.add(
          String.format(
              Locale.ROOT,
              "`%s` ×%d %.3f (%.3f)",
              usage.group(),
              usage.threads(),
              usage.total() * perTick,
              usage.kernel() * perTick));
    }
    line.append(String.join(", ", parts));
    line.append(
        String.format(
            Locale.ROOT,
            "; %d other groups %.3f; in all %.3f; %d threads ended during the window (not"
                + " counted).",
            restGroups,
            rest * perTick,
            all * perTick,
            window.ended()));
    return line.toString();
  }

  /**
   * What the threads of {@code group} spent over {@code window}, ms per operation; NaN when the
   * server's threads were not read.
   */
  static double groupMillis(Window window, String group, long operations, long ticks) {
    if (window.usages().isEmpty() || operations == 0) {
      return Double.NaN;
    }
    long used =
        window.usages().stream().filter(u -> u.group().equals(group)).mapToLong(Usage::total).sum();
    return 1000.0 * used / ticks / operations;
  }

  /**
   * Where the CPU one path spends beyond another's goes, thread group by thread group, in ms per
   * operation: the groups whose difference is at least 0.02 ms, the largest first.
   */
  static String extra(
      Window moreWindow, long moreOperations, Window lessWindow, long lessOperations, long ticks) {
    List<Usage> more = moreWindow.usages();
    List<Usage> less = lessWindow.usages();
    if (more.isEmpty() || less.isEmpty() || moreOperations == 0 || lessOperations == 0) {
      return "- where the CT row's extra CPU goes: the server's threads were not readable.";
    }
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    for (Usage usage : more) {
      double[] d = byGroup.computeIfAbsent(usage.group(), g -> new double[2]);
      d[0] += 1000.0 * usage.total() / ticks / moreOperations;
      d[1] += 1000.0 * usage.kernel() / ticks / moreOperations;
    }
    for (Usage usage : less) {
      double[] d = byGroup.computeIfAbsent(usage.group(), g -> new double[2]);
      d[0] -= 1000.0 * usage.total() / ticks / lessOperations;
      d[1] -= 1000.0 * usage.kernel() / ticks / lessOperations;
    }
    List<Map.Entry<String, double[]>> shown =
        byGroup.entrySet().stream()
            .filter(e -> Math.abs(e.getValue()[0]) >= 0.02)
            .sorted(Comparator.comparingDouble(e -> -Math.abs(e.getValue()[0])))
            .toList();
    double all = byGroup.values().stream().mapToDouble(d -> d[0]).sum();
    double rest = all - shown.stream().mapToDouble(e -> e.getValue()[0]).sum();
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, double[]> e : shown) {
      parts.add(
          String.format(
              Locale.ROOT,
              "`%s` %+.3f (kernel %+.3f)",
              e.getKey(),
              e.getValue()[0],
              e.getValue()[1]));
    }
    return String.format(
        Locale.ROOT,
        "- where the CT row's extra CPU goes, by thread, ms per certificate against the plain row"
            + " before it: %s; the other groups %+.3f; in all %+.3f.",
        String.join(", ", parts),
        rest,
        all);
  }
}
