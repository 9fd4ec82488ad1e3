package org.pkiaas.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What Certificate Transparency's steps cost the server by its own meter, {@code pkiaas.ct.cpu}
 * ({@code pkiaas_ct_cpu_seconds_sum} by {@code step}): the CPU time of the threads that ran them,
 * counted in the server where they ran, under the load of the moment. The issuing thread's steps
 * are the budget's (issue 19): signing the precertificate, and asking the logs (the requests
 * written, the answers read and parsed, the SCTs checked); the connector's threads open new
 * connections to logs.
 */
final class CtSteps {

  /** The meter's steps, in the server's order. */
  static final List<String> STEPS = List.of("precertificate", "logs", "connector");

  private static final String SUM = "pkiaas_ct_cpu_seconds_sum";

  /** The meter's totals at one moment, by step. */
  record Totals(double[] cpuSeconds) {}

  /** Milliseconds of server CPU per certificate, by step. */
  record PerCertificate(double[] millis) {

    /**
     * The budget's steps, on the issuing thread: the precertificate's signature, and the logs'
     * round trips with the SCT checks. The connector's threads, which open new connections, are
     * apart.
     */
    double budgetSteps() {
      return millis[0] + millis[1];
    }

    /** "precertificate 0.071, logs 0.452, …". */
    String byStep() {
      return IntStream.range(0, STEPS.size())
          .mapToObj(i -> String.format(Locale.ROOT, "%s %.3f", STEPS.get(i), millis[i]))
          .collect(Collectors.joining(", "));
    }
  }

  private CtSteps() {}

  /**
   * The meter now; null when it cannot be read or the server has no such meter, so that no step is
   * ever read as zero for want of a reading.
   */
  static Totals read(ServerMeters meters) {
    try {
      return totals(meters.scrape());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** From a scrape; null when it has no {@code pkiaas_ct_cpu_seconds}. */
  static Totals totals(String text) {
    if (!ServerMeters.has(text, "pkiaas_ct_cpu_seconds_count")) {
      return null;
    }
    double[] seconds = new double[STEPS.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = ServerMeters.sum(text, SUM, "step=\"" + STEPS.get(i) + "\"");
    }
    return new Totals(seconds);
  }

  /** What was spent between two readings, per certificate issued meanwhile; null without both. */
  static PerCertificate between(Totals before, Totals after, long certificates) {
    if (before == null || after == null) {
      return null;
    }
    double[] millis = new double[STEPS.size()];
    for (int i = 0; i < millis.length; i++) {
      double spent = after.cpuSeconds()[i] - before.cpuSeconds()[i];
      millis[i] = certificates == 0 ? 0 : 1000 * spent / certificates;
    }
    return new PerCertificate(millis);
  }

  /**
   * The pairs against the budget's steps as the server ran them: in each CT window its own meter
   * counts the CPU time of the issuing threads that signed precertificates, and that asked the logs
   * and checked their SCTs ({@link PerCertificate#budgetSteps}). A pair's extra beyond those
   * ({@link #beyondSteps}) is what CT cost the server on work the budget does not name, or the two
   * windows' noise; the spread of the pairs says which. Null without the server's meter.
   */
  static String note(List<CtPairs.Pair> pairs) {
    if (pairs.isEmpty() || pairs.stream().anyMatch(p -> p.steps() == null)) {
      return null;
    }
    String each =
        CtPairs.each(
            pairs,
            p ->
                String.format(
                    Locale.ROOT,
                    "%d: %.2f of %+.2f",
                    p.number(),
                    p.steps().budgetSteps(),
                    p.extra()));
    double[] byStep = new double[STEPS.size()];
    for (int i = 0; i < byStep.length; i++) {
      int step = i;
      byStep[i] = CtPairs.median(pairs.stream().map(p -> p.steps().millis()[step]).toList());
    }
    List<Double> beyond = pairs.stream().map(CtSteps::beyond).sorted().toList();
    double median = beyondSteps(pairs);
    double least = beyond.get(0);
    double most = beyond.get(beyond.size() - 1);
    String reading;
    if (most <= 0) {
      reading = "every pair's extra within the budget's steps as the server ran them";
    } else if (least > 0) {
      reading = "every pair's extra above its steps: work the budget does not name";
    } else if (median <= 0) {
      reading =
          "the median within the budget's steps as the server ran them, the pairs on both sides"
              + " of them (the windows' noise)";
    } else {
      reading =
          "the median above the steps, the pairs on both sides of them: work the budget does not"
              + " name, or the windows' noise";
    }
    String threads = "";
    if (pairs.stream().noneMatch(p -> Double.isNaN(p.requestThreadsExtra()))) {
      threads =
          String.format(
              Locale.ROOT,
              " Of each pair's extra, the request threads' (`%s`, where the steps run): %s;"
                  + " beyond the steps there, median %+.3f ms; on the other threads (the JIT"
                  + " compiler, garbage collection, Undertow's I/O threads), median %+.3f ms.",
              CtPairs.REQUEST_THREADS,
              CtPairs.each(
                  pairs,
                  p ->
                      String.format(Locale.ROOT, "%d: %+.2f", p.number(), p.requestThreadsExtra())),
              CtPairs.median(
                  pairs.stream()
                      .map(p -> p.requestThreadsExtra() - p.steps().budgetSteps())
                      .toList()),
              CtPairs.median(
                  pairs.stream().map(p -> p.extra() - p.requestThreadsExtra()).toList()));
    }
    return String.format(
        Locale.ROOT,
        "- The budget's steps as the server counted them in the same CT windows (its meter"
            + " `pkiaas.ct.cpu`: the CPU time of the issuing threads that signed the precertificate,"
            + " and sent both requests, read both answers and checked both SCTs, under the load of"
            + " the moment), ms per certificate, steps of the pair's extra: %s. Median %.3f ms (by"
            + " step: %s; the connector is not the budget's). The pairs' extra"
            + " beyond their steps: median %+.3f ms per certificate, from %+.2f to %+.2f: %s.%s",
        each,
        CtPairs.median(pairs.stream().map(p -> p.steps().budgetSteps()).toList()),
        new PerCertificate(byStep).byStep(),
        median,
        least,
        most,
        reading,
        threads);
  }

  /** The median over the pairs of their extra less the budget's steps the server counted. */
  static double beyondSteps(List<CtPairs.Pair> pairs) {
    return CtPairs.median(pairs.stream().map(CtSteps::beyond).toList());
  }

  private static double beyond(CtPairs.Pair pair) {
    return pair.extra() - pair.steps().budgetSteps();
  }
}
