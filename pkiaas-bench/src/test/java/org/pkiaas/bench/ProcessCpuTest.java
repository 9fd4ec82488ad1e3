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
      assertEquals(6, processes.length);
      assertEquals("client", processes[2].name());
      int jit = ProcessCpu.index(processes.length, ProcessCpu.ServerPart.JIT);
      assertEquals("server JIT", processes[jit].name());
      // this JVM compiles too (its JIT threads have names HotSpot gives them)
      assertTrue(
          processes[jit].seconds() > 0 || ManagementFactory.getCompilationMXBean() == null,
          "this JVM's compiler threads have used CPU");
      assertTrue(processes[jit].seconds() <= processes[0].seconds());
      ProcessCpu gc = processes[ProcessCpu.index(processes.length, ProcessCpu.ServerPart.GC)];
      ProcessCpu kernel =
          processes[ProcessCpu.index(processes.length, ProcessCpu.ServerPart.KERNEL)];
      assertEquals("server GC", gc.name());
      assertEquals("server kernel", kernel.name());
      double whole = processes[0].seconds();
      assertTrue(gc.seconds() <= whole && kernel.seconds() <= whole);
    } finally {
      System.clearProperty("bench.cpu.server.pid");
    }
  }

  @Test
  void countsTheGarbageCollectorsThreads() throws Exception {
    ProcessCpu gc = ProcessCpu.threads("gc", SELF, 100, ProcessCpu.GC_THREADS);
    double before = gc.seconds();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (gc.seconds() - before < 0.02 && System.nanoTime() < deadline) {
      for (int i = 0; i < 200; i++) {
        Object[] garbage = new Object[100_000];
        garbage[i] = garbage;
      }
      System.gc();
    }
    assertTrue(gc.seconds() - before >= 0.02, "collections used the GC threads' CPU");
  }

  private static void spinForever() {
    long x = 0;
    while (!Thread.currentThread().isInterrupted()) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
  }
}
