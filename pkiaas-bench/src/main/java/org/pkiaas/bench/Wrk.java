package org.pkiaas.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP path measured with {@code wrk}: warmed up with counted requests from Java clients until
 * the server's JIT is quiet, then {@code wrk -t2} for a number of seconds, whose CPU counts as the
 * load generator's; reported as a {@link Figures.Row}.
 */
final class Wrk {

  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern DONE = Pattern.compile("(\\d+) requests in ([0-9.]+)(s|m)");

  /**
   * The path: its URL, the Lua script that shapes the request (null for a GET), connections, and
   * the name of the server's Flight Recorder profile of the measurement (null for none; taken only
   * when {@code bench.jfr.dir} is set).
   */
  record Target(
      String url, Path script, int connections, HttpRequest warmUpRequest, String recording) {

    Target(String url, Path script, int connections, HttpRequest warmUpRequest) {
      this(url, script, connections, warmUpRequest, null);
    }

    /**
     * A POST of {@code body} as {@code contentType} over 16 connections: the body and the script
     * that sends it are written to {@code work} as {@code <name>.body} and {@code <name>.lua}, and
     * the warm-up sends the same request.
     */
    static Target post(
        String url, byte[] body, String contentType, Path work, String name, String recording)
        throws IOException {
      Path bodyFile = work.resolve(name + ".body");
      Files.write(bodyFile, body);
      Path script = work.resolve(name + ".lua");
      Files.writeString(script, postScript(bodyFile, contentType));
      HttpRequest warmUp =
          HttpRequest.newBuilder(java.net.URI.create(url))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      return new Target(url, script, 16, warmUp, recording);
    }
  }

  private Wrk() {}

  static Figures.Row measure(
      String path,
      Target target,
      int seconds,
      InMemory.Cost inMemory,
      ProcessCpu[] processes,
      ServerJit jit,
      String goal)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    WarmUp.Done warmUp =
        WarmUp.run(
            jit,
            5000,
            40,
            n ->
                Clients.count(
                    8,
                    n,
                    processes,
                    (client, i) -> {
                      int status =
                          http.send(target.warmUpRequest(), HttpResponse.BodyHandlers.discarding())
                              .statusCode();
                      if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                      }
                    }));
    long compiled = jit.compiled();
    if (target.recording() != null) {
      jit.startRecording(target.recording());
    }
    double[] before = ProcessCpu.snapshot(processes);
    ServerThreads.Snapshot threadsBefore = ServerThreads.snapshot(processes[0].pid());
    DatabaseStatements.Snapshot statementsBefore = DatabaseStatements.snapshot();
    String output = run(target, seconds);
    double[] cpu = ProcessCpu.since(processes, before);
    ServerThreads.Window threads =
        ServerThreads.window(threadsBefore, ServerThreads.snapshot(processes[0].pid()));
    DatabaseStatements.Window statements =
        DatabaseStatements.window(statementsBefore, DatabaseStatements.snapshot());
    if (target.recording() != null) {
      jit.stopRecording(target.recording());
    }
    return new Figures.Row(
        path,
        outcome(output, cpu, threads, statements),
        inMemory,
        warmUp,
        jit.compiled() - compiled,
        goal);
  }

  private static String run(Target target, int seconds) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("wrk", "-t2", "-c" + target.connections(), "-d" + seconds + "s", "--latency"));
    if (target.script() != null) {
      command.add("-s");
      command.add(target.script().toString());
    }
    command.add(target.url());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return output;
  }

  /** What {@code wrk --latency} reports, as the other benchmarks' clients report it. */
  static Clients.Outcome outcome(
      String output,
      double[] cpu,
      ServerThreads.Window threads,
      DatabaseStatements.Window statements) {
    Matcher done = DONE.matcher(output);
    if (!done.find()) {
      throw new IllegalStateException("wrk said: " + output);
    }
    double elapsed = Double.parseDouble(done.group(2)) * ("m".equals(done.group(3)) ? 60 : 1);
    Matcher failed = NON_2XX.matcher(output);
    return new Clients.Outcome(
        Long.parseLong(done.group(1)),
        Duration.ofNanos((long) (elapsed * 1e9)),
        percentileMillis(output, "50%"),
        percentileMillis(output, "99%"),
        failed.find() ? Integer.parseInt(failed.group(1)) : 0,
        null,
        cpu,
        threads,
        statements);
  }

  private static double percentileMillis(String output, String percentile) {
    Matcher matcher =
        Pattern.compile("^\\s*" + percentile + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!matcher.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  /** A Lua script for {@code wrk} that POSTs the file {@code body} as {@code contentType}. */
  static String postScript(Path body, String contentType) {
    return "local f = io.open(\""
        + body
        + "\", \"rb\")\n"
        + "wrk.method = \"POST\"\nwrk.body = f:read(\"*all\")\nf:close()\n"
        + "wrk.headers[\"Content-Type\"] = \""
        + contentType
        + "\"\n";
  }
}
