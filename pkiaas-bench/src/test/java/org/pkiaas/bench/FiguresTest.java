package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void floorNoteSplitsTheServerCpuAndComparesTheFloorToTheGoalsOverhead() {
    // 1 ms in memory, goal 1.5×: 0.5 ms beside the work; server 3 ms, floor 1 ms, i.e. 2× that
    InMemory.Cost inMemory = new InMemory.Cost(1.0, 1000, 0, 2000, List.of(), 0);
    String note =
        Figures.floorNote(row(3.0, inMemory), row(1.0, inMemory), 1.5, "response", "HTTP");
    assertTrue(
        note.contains("3.000 ms = 1.000 ms (HTTP) + 2.000 ms (the response's own work"), note);
    assertTrue(note.contains("1.5 × 1.000 = 1.500 ms, leaves 0.500 ms per response"), note);
    assertTrue(note.endsWith("the floor alone is 2.0 × that."), note);
  }

  /** 1,000 operations whose server used {@code millisEach} of CPU each. */
  static Figures.Row row(double millisEach, InMemory.Cost inMemory) {
    Clients.Outcome outcome =
        new Clients.Outcome(
            1000,
            Duration.ofSeconds(1),
            1,
            2,
            0,
            null,
            new double[] {millisEach, 0, 0, 0, 0, 0},
            ServerThreads.Window.UNKNOWN,
            DatabaseStatements.Window.UNKNOWN);
    return new Figures.Row(
        "path", outcome, inMemory, new WarmUp.Done(1000, List.of(0L), 0), 0, "goal");
  }
}
