package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessCpuTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void countsOnlyTheNamedThreadsOfTheProcess() throws Exception {
    ProcessCpu spinners = ProcessCpu.threads("spin", SELF, 100, List.of("bench-spin"));
    ProcessCpu whole = new ProcessCpu("self", SELF, 100);
    double spinBefore = spinners.seconds();
    double wholeBefore = whole.seconds();
    Thread spinner = new Thread(ProcessCpuTest::spinForever, "bench-spin-1");
    spinner.start();
    double spun = 0;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (spun < 0.2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      spun = spinners.seconds() - spinBefore;
    }
    spinner.interrupt();
    spinner.join();
    assertTrue(spun >= 0.2, "a spinning thread's CPU is counted: " + spun);
    // the thread has ended and /proc no longer lists it: what it had used stays counted
    assertTrue(spinners.seconds() - spinBefore >= spun, "an ended thread's CPU is kept");
    Thread running = new Thread(ProcessCpuTest::spinForever, "bench-spin-2");
    running.setDaemon(true);
    running.start();
    long until = System.nanoTime() + 20_000_000_000L;
    double seen = 0;
    while (seen < spun + 0.2 && System.nanoTime() < until) {
      Thread.sleep(50);
      seen = spinners.seconds() - spinBefore;
    }
    running.interrupt();
    assertTrue(seen >= spun + 0.2, "a second thread's CPU adds to the first's: " + seen);
    assertTrue(
        whole.seconds() - wholeBefore >= seen,
        "the whole process used at least what one thread did");
    assertEquals(0.0, ProcessCpu.threads("none", SELF, 100, List.of("no-such")).seconds(), 0.0);
  }

  @Test
  void theServerComesWithItsCompilerThreadsLast() {
    System.setProperty("bench.cpu.server.pid", Long.toString(SELF));
    try {
      ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
      assertEquals(4, processes.length);
      assertEquals("client", processes[2].name());
      int jit = ProcessCpu.jitIndex(processes);
      assertEquals("server JIT", processes[jit].name());
      // this JVM compiles too (its JIT threads have names HotSpot gives them)
      assertTrue(
          processes[jit].seconds() > 0 || ManagementFactory.getCompilationMXBean() == null,
          "this JVM's compiler threads have used CPU");
      assertTrue(processes[jit].seconds() <= processes[0].seconds());
    } finally {
      System.clearProperty("bench.cpu.server.pid");
    }
  }

  private static void spinForever() {
    long x = 0;
    while (!Thread.currentThread().isInterrupted()) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
  }
}
