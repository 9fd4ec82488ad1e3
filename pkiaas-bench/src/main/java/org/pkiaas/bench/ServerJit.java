package org.pkiaas.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How many methods a JVM's JIT has compiled so far, as {@code jstat -compiler <pid>} reports it:
 * when a batch of requests adds (almost) no compilations, the server's hot path is compiled and the
 * measurement may start. -1 when the JVM cannot be asked.
 */
final class ServerJit {

  private final long pid;

  ServerJit(long pid) {
    this.pid = pid;
  }

  /** The server's JVM, named by {@code bench.cpu.server.pid}. */
  static ServerJit fromProperties() {
    return new ServerJit(Long.getLong("bench.cpu.server.pid", -1));
  }

  /**
   * Starts a Flight Recorder recording in the server when {@code bench.jfr.dir} is set ({@code jcmd
   * <pid> JFR.start}), to be written by {@link #stopRecording}; a profile of the measurement alone.
   */
  void startRecording(String name) {
    String directory = System.getProperty("bench.jfr.dir");
    if (directory != null && pid > 0) {
      jcmd("JFR.start", "name=" + name, "settings=profile");
    }
  }

  /** Writes the recording {@link #startRecording} started to {@code bench.jfr.dir/<name>.jfr}. */
  void stopRecording(String name) {
    String directory = System.getProperty("bench.jfr.dir");
    if (directory != null && pid > 0) {
      jcmd("JFR.stop", "name=" + name, "filename=" + directory + "/" + name + ".jfr");
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
