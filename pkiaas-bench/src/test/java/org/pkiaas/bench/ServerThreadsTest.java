package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ServerThreadsTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void aPoolsThreadsFormOneGroup() {
    assertEquals("default task-#", ServerThreads.group("default task-12"));
    assertEquals("default task-#", ServerThreads.group("default task-3"));
    assertEquals("C# CompilerThre", ServerThreads.group("C2 CompilerThre"));
    assertEquals("HttpClient-#-Se", ServerThreads.group("HttpClient-1-Se"));
  }

  @Test
  void aThreadStartedInTheWindowCountsWholeInItsGroup() throws Exception {
    ServerThreads.Snapshot before = ServerThreads.snapshot(SELF);
    assertTrue(before.threads().size() > 1, "this JVM's threads are listed");
    Thread spinner = new Thread(ServerThreadsTest::spin, "bench-window-7");
    spinner.start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    long spun = 0;
    ServerThreads.Snapshot after = before;
    while (spun < 20 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      after = ServerThreads.snapshot(SELF);
      spun = used(ServerThreads.between(before, after), "bench-window-#");
    }
    spinner.interrupt();
    spinner.join();
    assertTrue(spun >= 20, "the spinner's 0.2 s are in its group: " + spun + " ticks");
    List<ServerThreads.Usage> usages = ServerThreads.between(before, after);
    // the busiest group first (while this JVM starts up, its JIT may outspin the spinner)
    for (int i = 1; i < usages.size(); i++) {
      assertTrue(usages.get(i - 1).total() >= usages.get(i).total(), usages::toString);
    }
    String line = ServerThreads.line("spinning", ServerThreads.window(before, after), 10, 100);
    assertTrue(line.contains("`bench-window-#` ×1"), line);
    // ended: the spinner was not in the first snapshot, so nothing of it is missed
    assertEquals(0, ServerThreads.ended(before, after));
    assertEquals(1, ServerThreads.ended(after, ServerThreads.snapshot(SELF)));
    // a failed first reading must not charge every thread its whole life to the window
    assertEquals(
        ServerThreads.Window.UNKNOWN,
        ServerThreads.window(new ServerThreads.Snapshot(java.util.Map.of()), after));
  }

  @Test
  void theExtraIsTheDifferenceByGroupPerOperation() {
    ServerThreads.Window more =
        new ServerThreads.Window(
            List.of(
                new ServerThreads.Usage("default task-#", 16, 400, 100),
                new ServerThreads.Usage("HttpClient-#-Se", 1, 90, 10)),
            0);
    ServerThreads.Window less =
        new ServerThreads.Window(List.of(new ServerThreads.Usage("default task-#", 16, 800, 0)), 0);
    // per operation at 100 ticks a second: 1000 operations against 2000
    String line = ServerThreads.extra(more, 1000, less, 2000, 100);
    assertTrue(line.contains("`default task-#` +1.000 (kernel +1.000)"), line);
    assertTrue(line.contains("`HttpClient-#-Se` +1.000 (kernel +0.100)"), line);
    assertTrue(line.contains("in all +2.000"), line);
    assertTrue(
        ServerThreads.extra(ServerThreads.Window.UNKNOWN, 1, less, 1, 100)
            .contains("not readable"));
  }

  private static long used(List<ServerThreads.Usage> usages, String group) {
    return usages.stream()
        .filter(u -> u.group().equals(group))
        .mapToLong(ServerThreads.Usage::total)
        .sum();
  }

  private static void spin() {
    long x = 0;
    while (!Thread.currentThread().isInterrupted()) {
      x += System.nanoTime() % 7;
    }
    if (x == 42) {
      System.out.print("");
    }
  }
}
