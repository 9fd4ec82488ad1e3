package org.pkiaas.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Issue 19's goal read from paired windows instead of single rows: the CT one call and its control
 * (the plain one call with the same logs' work beside it) in short alternating windows, CT first in
 * odd pairs and the control first in even ones, so that a drift of the shared machine over the
 * minutes of the run falls on both sides alike. Each pair's difference is CT's own extra server CPU
 * per certificate under the contention of that moment; the median of the pairs is set against the
 * budget, with every pair's difference beside it.
 *
 * <p>Why: on this kind of machine one 20-second row moves by 0.5–0.9 ms of server CPU per
 * certificate between identical rows of one run (the three CT runs of 2026-12-06, 04:33–05:18), as
 * much as the budget itself, so one CT row against one control row decides the goal by chance;
 * windows a few seconds apart share the machine's state.
 */
final class CtPairs {

  /** How many pairs ({@code bench.ct.pairs}); none turns the paired reading off. */
  static final int PAIRS = Integer.getInteger("bench.ct.pairs", 6);

  /** Undertow's request threads, which run the issuance and CT's steps with it. */
  static final String REQUEST_THREADS = "default task-#";

  private static final long TICKS = Long.getLong("bench.cpu.ticks", 100);

  /** Each measured window ({@code bench.ct.window}, seconds). */
  static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.ct.window", 15));

  /**
   * Unmeasured load before each window: the requests of the other path have all ended when a window
   * starts ({@link Clients#during} waits for them), but its garbage and the server's queues have
   * not.
   */
  static final Duration SETTLE = Duration.ofSeconds(3);

  /**
   * One pair of adjacent windows.
   *
   * @param steps what the server's own meter counted for CT's steps in the CT window, per
   *     certificate; null when the server's meters were not read
   */
  record Pair(
      int number, Clients.Outcome ct, Clients.Outcome control, CtSteps.PerCertificate steps) {

    Pair(int number, Clients.Outcome ct, Clients.Outcome control) {
      this(number, ct, control, null);
    }

    boolean ctFirst() {
      return number % 2 == 1;
    }

    double ctMillis() {
      return serverMillis(ct);
    }

    double controlMillis() {
      return serverMillis(control);
    }

    /** CT's own extra server CPU per certificate in this pair. */
    double extra() {
      return ctMillis() - controlMillis();
    }

    /** The part of {@link #extra} spent by the request threads, where CT's steps run; or NaN. */
    double requestThreadsExtra() {
      return ServerThreads.groupMillis(ct.serverThreads(), REQUEST_THREADS, ct.operations(), TICKS)
          - ServerThreads.groupMillis(
              control.serverThreads(), REQUEST_THREADS, control.operations(), TICKS);
    }

    int failures() {
      return ct.failures() + control.failures();
    }
  }

  private CtPairs() {}

  /** {@link #PAIRS} pairs of {@link #WINDOW} each, after {@link #SETTLE}. */
  static List<Pair> run(
      int clients,
      ProcessCpu[] processes,
      Clients.Operation ct,
      Clients.Operation control,
      ServerMeters meters)
      throws InterruptedException {
    return run(PAIRS, clients, WINDOW, SETTLE, processes, ct, control, meters);
  }

  /**
   * @param ct the one call through the CT template
   * @param control the plain one call with each certificate sent to the logs by its client
   * @param meters the server's meters, read around each CT window for what its CT steps cost; null
   *     to leave them unread
   */
  static List<Pair> run(
      int pairs,
      int clients,
      Duration window,
      Duration settle,
      ProcessCpu[] processes,
      Clients.Operation ct,
      Clients.Operation control,
      ServerMeters meters)
      throws InterruptedException {
    List<Pair> measured = new ArrayList<>();
    for (int number = 1; number <= pairs; number++) {
      boolean ctFirst = number % 2 == 1;
      // the meter is read around both windows alike, so that reading it costs both sides the same
      Metered first = window(clients, window, settle, processes, ctFirst ? ct : control, meters);
      Metered second = window(clients, window, settle, processes, ctFirst ? control : ct, meters);
      Metered ctWindow = ctFirst ? first : second;
      measured.add(
          new Pair(
              number, ctWindow.outcome(), (ctFirst ? second : first).outcome(), ctWindow.steps()));
    }
    return measured;
  }

  private record Metered(Clients.Outcome outcome, CtSteps.PerCertificate steps) {}

  private static Metered window(
      int clients,
      Duration window,
      Duration settle,
      ProcessCpu[] processes,
      Clients.Operation operation,
      ServerMeters meters)
      throws InterruptedException {
    Clients.during(clients, settle, processes, operation);
    CtSteps.Totals before = meters == null ? null : CtSteps.read(meters);
    Clients.Outcome outcome = Clients.during(clients, window, processes, operation);
    CtSteps.Totals after = meters == null ? null : CtSteps.read(meters);
    return new Metered(outcome, CtSteps.between(before, after, outcome.operations()));
  }

  /** The median of the pairs' differences; NaN for none. */
  static double medianExtra(List<Pair> pairs) {
    return median(pairs.stream().map(Pair::extra).toList());
  }

  /** Whether the median of the pairs' extra stays within {@code budgetMillis}. */
  static boolean met(List<Pair> pairs, double budgetMillis) {
    return medianExtra(pairs) <= budgetMillis;
  }

  /** The lines below the table for {@link #WINDOW}'s pairs: {@link #note}, {@link CtSteps#note}. */
  static List<String> notes(List<Pair> pairs, double budgetMillis) {
    List<String> notes = new ArrayList<>();
    if (!pairs.isEmpty()) {
      notes.add(note(pairs, WINDOW, budgetMillis));
      String steps = CtSteps.note(pairs);
      if (steps != null) {
        notes.add(steps);
      }
    }
    return notes;
  }

  /** The line below the table: every pair, the median, and the goal judged on it. */
  static String note(List<Pair> pairs, Duration window, double budgetMillis) {
    double median = medianExtra(pairs);
    long within = pairs.stream().filter(p -> p.extra() <= budgetMillis).count();
    int failures = pairs.stream().mapToInt(Pair::failures).sum();
    String each =
        each(
            pairs,
            p ->
                String.format(
                    Locale.ROOT,
                    "%d%s: %.2f − %.2f = %+.2f",
                    p.number(),
                    p.ctFirst() ? " (CT first)" : " (control first)",
                    p.ctMillis(),
                    p.controlMillis(),
                    p.extra()));
    return String.format(
        Locale.ROOT,
        "- Paired windows (issue 19's goal is judged here): %d pairs of %d-second windows, the CT"
            + " one call and the control back to back after %d s of unmeasured load each, the order"
            + " alternating; server CPU per certificate, CT − control, ms: %s. Median %.2f ms"
            + " against the budget of %.3f ms, %.1f× (%s); %d of %d pairs within it; %d failed"
            + " operations.",
        pairs.size(),
        window.toSeconds(),
        SETTLE.toSeconds(),
        each,
        median,
        budgetMillis,
        median / budgetMillis,
        median <= budgetMillis ? "met" : "not met",
        within,
        pairs.size(),
        failures);
  }

  /** One figure for each pair, separated by semicolons. */
  static String each(List<Pair> pairs, java.util.function.Function<Pair, String> figure) {
    return pairs.stream().map(figure).collect(Collectors.joining("; "));
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double serverMillis(Clients.Outcome outcome) {
    return 1000 * outcome.cpuSeconds()[0] / Math.max(1, outcome.operations());
  }
}
