package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtPairsTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void windowsAlternateTheirOrderAndEachPairKeepsItsOwnPaths() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Clients.Operation ct = (client, i) -> path(ran, "ct");
    Clients.Operation control = (client, i) -> path(ran, "control");

    List<CtPairs.Pair> pairs =
        CtPairs.run(
            3,
            1,
            Duration.ofMillis(150),
            Duration.ofMillis(50),
            new ProcessCpu[] {new ProcessCpu("self", SELF, 100)},
            ct,
            control,
            null);

    assertEquals(3, pairs.size());
    List<String> order = new ArrayList<>();
    for (String path : ran) {
      if (order.isEmpty() || !order.get(order.size() - 1).equals(path)) {
        order.add(path);
      }
    }
    // each window runs its settling load and then its measured load, back to back
    assertEquals(List.of("ct", "control", "ct", "control"), order);
    assertTrue(pairs.get(0).ctFirst());
    assertFalse(pairs.get(1).ctFirst());
    for (CtPairs.Pair pair : pairs) {
      assertTrue(pair.ct().operations() > 0);
      assertTrue(pair.control().operations() > 0);
      assertEquals(0, pair.failures());
    }
  }

  @Test
  void theGoalIsJudgedOnTheMedianOfThePairs() {
    List<CtPairs.Pair> pairs =
        List.of(pair(1, 4.0, 3.0), pair(2, 4.5, 3.0), pair(3, 3.2, 3.0), pair(4, 5.0, 3.0));

    assertEquals(1.25, CtPairs.medianExtra(pairs), 1e-9);
    assertTrue(CtPairs.met(pairs, 1.3));
    assertFalse(CtPairs.met(pairs, 1.2));
    assertEquals(1.0, CtPairs.medianExtra(pairs.subList(0, 3)), 1e-9);
    assertTrue(Double.isNaN(CtPairs.medianExtra(List.of())));

    String note = CtPairs.note(pairs, Duration.ofSeconds(10), 1.2);
    assertTrue(note.contains("1 (CT first): 4.00 − 3.00 = +1.00"), note);
    assertTrue(note.contains("2 (control first): 4.50 − 3.00 = +1.50"), note);
    assertTrue(
        note.contains("Median 1.25 ms against the budget of 1.200 ms, 1.0× (not met)"), note);
    assertTrue(note.contains("2 of 4 pairs within it"), note);
  }

  @Test
  void theCtRowSaysWhichReadingDecides() {
    Figures.Row ct = FiguresTest.row(4.0, null);
    Figures.Row plain = FiguresTest.row(2.5, null);
    Figures.Row beside = FiguresTest.row(3.2, null);
    CtInMemory.Budget budget =
        new CtInMemory.Budget(
            new CtRoundTrips.Cost(0.6, 16, 1000, 1000),
            new InMemory.Cost(0.3, 1, 1, 1, List.of(), 0));

    String single = CtInMemory.withBudget(ct, plain, beside, budget, List.of()).goal();
    assertTrue(
        single.contains("0.80 ms over the control row below (1.50 ms over the plain"), single);
    assertTrue(single.endsWith("against 0.90 ms, met"), single);

    String paired =
        CtInMemory.withBudget(ct, plain, beside, budget, List.of(pair(1, 4.0, 3.0))).goal();
    assertTrue(paired.contains("median of 1 paired windows 1.00 ms against 0.90 ms, **not met**"));
  }

  @Test
  void theExtraIsSetAgainstTheStepsTheServerCounted() {
    List<CtPairs.Pair> pairs =
        List.of(
            withSteps(1, 4.0, 3.0, 0.1, 0.6),
            withSteps(2, 3.6, 3.0, 0.1, 0.6),
            withSteps(3, 3.9, 3.0, 0.1, 0.7));

    // extras 1.0, 0.6, 0.9 against steps 0.7, 0.7, 0.8: beyond them 0.3, -0.1, 0.1
    assertEquals(0.1, CtSteps.beyondSteps(pairs), 1e-9);
    String note = CtSteps.note(pairs);
    assertTrue(note.contains("1: 0.70 of +1.00; 2: 0.70 of +0.60; 3: 0.80 of +0.90"), note);
    assertTrue(note.contains("Median 0.700 ms (by step: precertificate 0.100, logs 0.600"), note);
    assertTrue(
        note.contains(
            "median +0.100 ms per certificate, from -0.10 to +0.30: the median above the steps,"
                + " the pairs on both sides"),
        note);

    assertTrue(
        CtSteps.note(List.of(withSteps(1, 3.5, 3.0, 0.1, 0.6)))
            .contains("every pair's extra within the budget's steps"));
    assertTrue(
        CtSteps.note(List.of(withSteps(1, 4.5, 3.0, 0.1, 0.6)))
            .contains("every pair's extra above its steps"));
    assertTrue(
        CtSteps.note(List.of(withSteps(1, 3.5, 3.0, 0.1, 0.6), withSteps(2, 3.9, 3.0, 0.1, 0.6)))
            .contains("the median within the budget's steps as the server ran them, the pairs on"));
    assertEquals(null, CtSteps.note(List.of(pair(1, 4.0, 3.0))));
  }

  @Test
  void theExtraIsSplitBetweenTheRequestThreadsAndTheOthers() {
    // 1,000 certificates in each window, 100 ticks a second: 90 ticks are 0.9 ms per certificate
    CtPairs.Pair pair =
        new CtPairs.Pair(
            1,
            outcome(4.0, threads(90)),
            outcome(3.0, threads(20)),
            new CtSteps.PerCertificate(new double[] {0.1, 0.6, 0}));

    assertEquals(0.7, pair.requestThreadsExtra(), 1e-9);
    String note = CtSteps.note(List.of(pair));
    assertTrue(note.contains("(`default task-#`, where the steps run): 1: +0.70;"), note);
    assertTrue(note.contains("beyond the steps there, median +0.000 ms"), note);
    assertTrue(note.contains("on the other threads (the JIT compiler"), note);
    assertTrue(note.contains("median +0.300 ms."), note);
  }

  private static ServerThreads.Window threads(long requestTicks) {
    return new ServerThreads.Window(
        List.of(
            new ServerThreads.Usage(CtPairs.REQUEST_THREADS, 16, requestTicks, 0),
            new ServerThreads.Usage("default I/O-#", 4, 10, 0)),
        0);
  }

  private static CtPairs.Pair withSteps(
      int number, double ctMillis, double controlMillis, double precertificate, double logs) {
    return new CtPairs.Pair(
        number,
        outcome(ctMillis),
        outcome(controlMillis),
        new CtSteps.PerCertificate(new double[] {precertificate, logs, 0}));
  }

  private static CtPairs.Pair pair(int number, double ctMillis, double controlMillis) {
    return new CtPairs.Pair(number, outcome(ctMillis), outcome(controlMillis));
  }

  private static Clients.Outcome outcome(double millisEach) {
    return outcome(millisEach, ServerThreads.Window.UNKNOWN);
  }

  private static Clients.Outcome outcome(double millisEach, ServerThreads.Window threads) {
    return new Clients.Outcome(
        1000,
        Duration.ofSeconds(1),
        1,
        2,
        0,
        null,
        new double[] {millisEach, 0, 0},
        threads,
        DatabaseStatements.Window.UNKNOWN);
  }

  private static void path(List<String> ran, String path) throws InterruptedException {
    ran.add(path);
    Thread.sleep(5);
  }
}
