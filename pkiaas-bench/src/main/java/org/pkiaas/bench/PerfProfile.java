package org.pkiaas.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where the server's request threads spend their CPU, by code, from a {@code perf record -g} of a
 * measurement ({@code PKIAAS_BENCH_PERF}): each sample of a request thread counted once, for the
 * library its innermost frame belongs to (its self time). Unlike Flight Recorder's execution
 * samples, which only see threads running Java code, perf samples the CPU itself, so the kernel,
 * the JVM's runtime and its stubs get their share, and long stretches of Java arithmetic are not
 * over-weighted: JFR put Bouncy Castle's curve arithmetic at 25 % of the one-call issuance's
 * request threads where perf, on the same path, measured 10 %.
 */
final class PerfProfile {

  /** The threads that run requests: Undertow's worker pool ({@code default task-N}). */
  static final String REQUEST_THREADS = "default task";

  private static final String UNNAMED = "code perf could not name";

  /**
   * A frame of {@code perf script}: {@code <symbol> (<dso>)}; the symbol may hold spaces and
   * parentheses, the dso one pair of its own ({@code /usr/lib/libx.so (deleted)}).
   */
  private static final Pattern FRAME =
      Pattern.compile("^(.*) \\(([^()]*(?:\\([^()]*\\))?[^()]*)\\)$");

  /**
   * The lines of this run's profiled measurements, perf's and {@link AsyncProfile}'s, for {@link
   * Figures#report}.
   */
  static final Queue<String> LINES = new ConcurrentLinkedQueue<>();

  private PerfProfile() {}

  /**
   * Prints the line for recordings made earlier: {@code PerfProfile <name>.data...}, each with the
   * symbol map {@code <name>.map} beside it, which is copied to {@code /tmp/perf-<pid>.map} first.
   */
  public static void main(String[] args) throws IOException {
    for (String name : args) {
      Path data = Path.of(name);
      Path map = Path.of(name.replaceFirst("\\.data$", "") + ".map");
      if (java.nio.file.Files.exists(map)) {
        java.nio.file.Files.copy(
            map,
            Path.of("/tmp/perf-" + pidOf(data) + ".map"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Shares shares = read(data);
      System.out.println(
          shares == null
              ? name + ": no request-thread samples, or perf could not read it (see above)"
              : shares.line(name, "perf"));
    }
  }

  /** The process a recording sampled, as {@code perf script -F pid} prints it. */
  private static String pidOf(Path data) throws IOException {
    Process script = perfScript(data, "pid");
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      script.destroy();
      return first == null ? "0" : first.strip();
    }
  }

  /** {@code perf script} of a recording, printing {@code fields}; its errors discarded. */
  private static Process perfScript(Path data, String fields) throws IOException {
    return new ProcessBuilder("perf", "script", "-i", data.toString(), "-F", fields)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Reads a measurement's recording and keeps its line for the section ({@link #drain}). */
  static void record(String measurement, Path data) {
    Shares shares = read(data);
    if (shares != null) {
      LINES.add(shares.line(measurement, "perf"));
    } else {
      System.err.println("no request-thread samples in " + data + ": no line for " + measurement);
    }
  }

  /** The lines {@link #record} kept, in order; none are kept after. */
  static List<String> drain() {
    List<String> lines = new ArrayList<>();
    for (String line = LINES.poll(); line != null; line = LINES.poll()) {
      lines.add(line);
    }
    return lines;
  }

  /**
   * The request threads' samples by code, from {@code perf script -F comm,ip,sym,dso} output: a
   * header line per sample (the thread's name), its frames indented below it, innermost first, a
   * blank line after.
   */
  static Shares of(BufferedReader perfScript) throws IOException {
    Map<String, Long> counts = CodeKinds.emptyCounts();
    counts.put(UNNAMED, 0L);
    long samples = 0;
    String thread = null;
    String innermost = null;
    for (String line = perfScript.readLine(); ; line = perfScript.readLine()) {
      if (line == null || line.isBlank()) {
        if (thread != null && thread.startsWith(REQUEST_THREADS) && innermost != null) {
          samples++;
          counts.merge(codeOf(innermost), 1L, Long::sum);
        }
        thread = null;
        innermost = null;
        if (line == null) {
          return new Shares(samples, counts);
        }
      } else if (!Character.isWhitespace(line.charAt(0))) {
        thread = line.strip();
      } else if (innermost == null) {
        String frame = line.strip();
        int space = frame.indexOf(' ');
        innermost = space < 0 ? frame : frame.substring(space + 1); // past the address
      }
    }
  }

  /**
   * What a frame's code belongs to: the kernel (and its vDSO), the JVM (its library, or code the
   * JIT made that is not a Java method: stubs, vtables, the interpreter), apart from the JVM's
   * Montgomery multiplication for {@code BigInteger} (RSA's arithmetic), other native libraries,
   * the library of a compiled Java method, named in the JIT's map as {@code <return type>
   * <class>.<method>(<args>)}, or nothing perf could name: an address outside every mapping, or
   * compiled code the JIT had freed (replaced, deoptimised) before its map was written after the
   * window. The map names the code at the window's end; code recompiled during the window at
   * another address is named by its last version.
   */
  static String codeOf(String frame) {
    var parts = FRAME.matcher(frame);
    boolean split = parts.matches();
    String symbol = split ? parts.group(1) : frame;
    String dso = split ? parts.group(2) : "";
    if (symbol.equals("[unknown]") || dso.equals("[unknown]") || dso.isEmpty()) {
      return UNNAMED;
    }
    if (dso.startsWith("[")) {
      return CodeKinds.KERNEL; // [kernel.kallsyms], a module such as [virtio_net], [vdso]
    }
    if (dso.contains("libjvm.so")) {
      // HotSpot's x86-64 intrinsic for BigInteger.montgomeryMultiply and montgomerySquare, in
      // which RSA private-key operations spend most of their time
      return symbol.contains("montgomery_") ? CodeKinds.MONTGOMERY : CodeKinds.JVM;
    }
    if (!dso.startsWith("/tmp/perf-")) {
      return CodeKinds.NATIVE;
    }
    int arguments = symbol.indexOf('(');
    if (arguments < 0) {
      return CodeKinds.JVM;
    }
    String method = symbol.substring(symbol.lastIndexOf(' ', arguments) + 1, arguments);
    if (method.indexOf('.') < 0) {
      return CodeKinds.JVM; // such as "StubRoutines (2)"
    }
    return CodeKinds.javaCode(method);
  }

  /** How many request-thread samples each kind of code had, out of {@code samples}. */
  record Shares(long samples, Map<String, Long> counts) {

    double percent(String code) {
      return samples == 0 ? 0 : 100.0 * counts.getOrDefault(code, 0L) / samples;
    }

    /** One paragraph for the benchmark's section, largest share first, none under 0.5 %. */
    String line(String measurement, String profiler) {
      List<String> parts = new ArrayList<>();
      double small = 0;
      for (Map.Entry<String, Long> entry :
          counts.entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .toList()) {
        double percent = percent(entry.getKey());
        if (percent < 0.5) {
          small += percent;
        } else {
          parts.add(String.format(Locale.ROOT, "%s %.1f %%", entry.getKey(), percent));
        }
      }
      if (small > 0) {
        parts.add(String.format(Locale.ROOT, "the rest %.1f %%", small));
      }
      return String.format(
          Locale.ROOT,
          "- the request threads' CPU by code during \"%s\" (%s, %,d samples, each counted for"
              + " its innermost frame): %s.",
          measurement,
          profiler,
          samples,
          String.join(", ", parts));
    }
  }

  /**
   * Reads {@code data} with {@code perf script}, which names the JIT's frames from {@code
   * /tmp/perf-<pid>.map}: call it after that map was written for this recording. Null when perf
   * cannot read it.
   */
  static Shares read(Path data) {
    try {
      Process script = perfScript(data, "comm,ip,sym,dso");
      // a watchdog: the output is read to its end before waitFor, so the limit must run beside it
      Thread limit =
          new Thread(
              () -> {
                try {
                  if (!script.waitFor(5, TimeUnit.MINUTES)) {
                    script.destroyForcibly();
                  }
                } catch (InterruptedException e) {
                  // read to the end: nothing to stop
                }
              },
              "perf script limit");
      limit.setDaemon(true);
      limit.start();
      Shares shares;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
        shares = of(out);
      }
      script.waitFor();
      limit.interrupt();
      if (script.exitValue() != 0) {
        System.err.println("perf script of " + data + " ended with " + script.exitValue());
        return null;
      }
      return shares.samples() == 0 ? null : shares;
    } catch (IOException e) {
      System.err.println("perf script of " + data + " failed: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
