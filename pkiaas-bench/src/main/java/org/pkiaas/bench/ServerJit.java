package org.pkiaas.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many methods a JVM's JIT has compiled so far, as {@code jstat -compiler <pid>} reports it:
 * when a batch of requests adds (almost) no compilations, the server's hot path is compiled and the
 * measurement may start. -1 when the JVM cannot be asked. It also starts and ends the profiles of
 * each measured window that {@code bin/pkiaas-bench} asks for (Flight Recorder, perf,
 * async-profiler).
 */
class ServerJit { // not final: WarmUpTest stands in for the server

  /** The name of the recording {@code bin/pkiaas-bench} starts with the server. */
  static final String RECORDING = "bench";

  private final long pid;

  /** When each measurement being recorded began, by its name. */
  private final Map<String, Instant> measured = new ConcurrentHashMap<>();

  /** The {@code perf record} of each measurement being profiled, by its name. */
  private final Map<String, Process> perf = new ConcurrentHashMap<>();

  ServerJit(long pid) {
    this.pid = pid;
  }

  /** The server's JVM, named by {@code bench.cpu.server.pid}. */
  static ServerJit fromProperties() {
    return new ServerJit(Long.getLong("bench.cpu.server.pid", -1));
  }

  /**
   * Starts the profilers asked for on a measurement's window: async-profiler ({@code
   * bench.asprof.dir}) and {@code perf record} ({@code bench.perf.dir}), and notes when it starts,
   * for {@link #stopRecording}, when {@code bench.jfr.dir} is set. The server runs one Flight
   * Recorder recording from its start ({@code bin/pkiaas-bench} passes {@code
   * -XX:StartFlightRecording:name=bench}): starting one with {@code jcmd} after the warm-up made
   * HotSpot throw away and recompile thousands of methods, so that such a profile showed partly
   * interpreted code and over-weighted the hottest loops.
   */
  void startRecording(String name) {
    if (System.getProperty("bench.jfr.dir") != null && pid > 0) {
      measured.put(name, Instant.now());
    }
    if (asprofOn()) {
      asprof(name, "start", "-e", "cpu", "-i", "1ms", "-t");
    }
    String perfDir = System.getProperty("bench.perf.dir");
    if (perfDir != null && pid > 0) {
      try {
        perf.put(
            name,
            new ProcessBuilder(
                    "perf",
                    "record",
                    "-e",
                    "cpu-clock",
                    "-F",
                    "999",
                    "-g",
                    "-p",
                    Long.toString(pid),
                    "-o",
                    perfDir + "/" + name + ".data")
                .redirectErrorStream(true)
                .redirectOutput(new java.io.File(perfDir, name + ".perf.log"))
                .start());
      } catch (java.io.IOException e) {
        System.err.println("perf record failed: " + e);
      }
    }
  }

  /**
   * Ends {@code perf record} of a measurement (started by {@link #startRecording} when {@code
   * bench.perf.dir} is set) and writes the server's JIT symbol map ({@code jcmd <pid>
   * Compiler.perfmap}) to {@code /tmp/perf-<pid>.map}, where {@code perf report} looks, so that
   * compiled Java frames have names, and a copy beside the data as {@code <name>.map}: the next
   * window overwrites the one in {@code /tmp} (copy it back there to read this window's data).
   */
  private void stopPerf(String name) {
    Process running = perf.remove(name);
    if (running == null) {
      return;
    }
    running.destroy(); // SIGTERM: perf record writes its data and ends
    try {
      if (!running.waitFor(60, TimeUnit.SECONDS)) {
        running.destroyForcibly();
        System.err.println("perf record of " + name + " did not end on SIGTERM; killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.nio.file.Path map = java.nio.file.Path.of("/tmp/perf-" + pid + ".map");
    try {
      java.nio.file.Files.deleteIfExists(map); // never read a window with the one before's map
      jcmd("Compiler.perfmap");
      java.nio.file.Files.copy(
          map,
          java.nio.file.Path.of(System.getProperty("bench.perf.dir"), name + ".map"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      System.err.println("the JIT's symbol map of " + name + " was not written: " + e);
      return; // without it, compiled Java frames have no names: no line by code
    }
    // now, while /tmp/perf-<pid>.map names this recording's compiled frames
    PerfProfile.record(
        name, java.nio.file.Path.of(System.getProperty("bench.perf.dir"), name + ".data"));
  }

  /**
   * Runs async-profiler's launcher ({@code bench.asprof.jar}, the {@code ap-loader} jar that {@code
   * bin/pkiaas-bench} fetches) against the server: {@code start} when a measurement starts; {@code
   * stop} when it ends, writing the samples as collapsed stacks, one thread each, to {@code
   * bench.asprof.dir/<name>.collapsed}, which {@link AsyncProfile} reads into the section.
   */
  private boolean asprof(String name, String action, String... options) {
    String directory = System.getProperty("bench.asprof.dir");
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("bench.asprof.jar"),
                "profiler",
                action));
    command.addAll(java.util.List.of(options));
    command.add(Long.toString(pid));
    try {
      Process launcher =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(new java.io.File(directory, name + ".log")))
              .start();
      if (!launcher.waitFor(60, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
        launcher.destroyForcibly();
        System.err.println("async-profiler " + action + " of " + name + " failed: see its log");
        return false;
      }
      return true;
    } catch (java.io.IOException e) {
      System.err.println("async-profiler " + action + " of " + name + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private boolean asprofOn() {
    return System.getProperty("bench.asprof.dir") != null
        && System.getProperty("bench.asprof.jar") != null
        && pid > 0;
  }

  /** Stops async-profiler and reads what it wrote; a file of an earlier run is never read. */
  private void stopAsprof(String name) {
    if (!asprofOn()) {
      return;
    }
    Path collapsed = Path.of(System.getProperty("bench.asprof.dir"), name + ".collapsed");
    try {
      java.nio.file.Files.deleteIfExists(collapsed);
    } catch (java.io.IOException e) {
      System.err.println("the profile " + collapsed + " of an earlier run stays: " + e);
      return;
    }
    if (asprof(name, "stop", "-o", "collapsed", "-f", collapsed.toString())
        && java.nio.file.Files.exists(collapsed)) {
      AsyncProfile.record(name, collapsed);
    }
  }

  /**
   * Ends a measurement's profiles: async-profiler's and perf's, each read into the section, and
   * writes what the server's Flight Recorder recording holds since {@link #startRecording} of the
   * same name to {@code bench.jfr.dir/<name>.jfr} ({@code jcmd <pid> JFR.dump begin=… end=…}).
   */
  void stopRecording(String name) {
    Instant end = Instant.now(); // before perf's own ending, which is not the measurement
    stopAsprof(name);
    stopPerf(name);
    String directory = System.getProperty("bench.jfr.dir");
    Instant begin = measured.remove(name);
    if (directory != null && pid > 0 && begin != null) {
      jcmd(
          "JFR.dump",
          "name=" + RECORDING,
          "begin=" + begin,
          "end=" + end,
          "filename=" + directory + "/" + name + ".jfr");
    }
  }

  private void jcmd(String... command) {
    try {
      java.util.List<String> line =
          new java.util.ArrayList<>(java.util.List.of("jcmd", Long.toString(pid)));
      line.addAll(java.util.List.of(command));
      Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(60, TimeUnit.SECONDS);
      System.err.println(output.strip());
    } catch (Exception e) {
      System.err.println("jcmd " + command[0] + " failed: " + e);
    }
  }

  /**
   * Methods the JIT has queued or is compiling now ({@code jcmd <pid> Compiler.queue}: one line per
   * method, named {@code Class::method}); -1 when the JVM cannot be asked.
   */
  long queued() {
    if (pid <= 0) {
      return -1;
    }
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", Long.toString(pid), "Compiler.queue")
              .redirectErrorStream(true)
              .start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        return -1;
      }
      return output.lines().filter(line -> line.contains("::")).count();
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Waits, with no load, until the JIT's queue is empty or {@code limit} has passed, and says how
   * long that took. Under load the compiler threads share two cores with dozens of busy threads and
   * the queue grows; HotSpot then raises the C2 thresholds with the queue's length ({@code
   * Tier4LoadFeedback}), so a warm-up that never lets the queue empty reaches C2 later still.
   *
   * @return the milliseconds waited; -1 when the queue cannot be read
   */
  long drain(java.time.Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (true) {
      long queued = queued();
      if (queued < 0) {
        return -1;
      }
      if (queued == 0 || System.nanoTime() > deadline) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(200);
    }
  }

  long compiled() {
    if (pid <= 0) {
      return -1;
    }
    try {
      Process jstat =
          new ProcessBuilder("jstat", "-compiler", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String output = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0) {
        return -1;
      }
      // "Compiled Failed Invalid Time FailedType FailedMethod", then the figures
      return Long.parseLong(output.strip().split("\n")[1].trim().split("\\s+")[0]);
    } catch (Exception e) {
      return -1;
    }
  }
}
