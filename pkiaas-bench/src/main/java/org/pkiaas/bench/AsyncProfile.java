package org.pkiaas.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the server's request threads spend their CPU, from an async-profiler recording of a
 * measurement ({@code PKIAAS_BENCH_ASPROF}), in its collapsed form: one line per distinct stack,
 * {@code [<thread> tid=<n>];<outermost frame>;...;<innermost frame> <samples>}. Unlike {@code perf}
 * with the JIT's symbol map, async-profiler names inlined Java frames and code the JIT moved during
 * the window; unlike Flight Recorder, it samples the CPU, so the kernel and the JVM's own code get
 * their share. Each sample counts once by code (its innermost frame, as {@link PerfProfile} counts)
 * and once by step of the issuance path (the first step any of its frames belongs to).
 */
final class AsyncProfile {

  /**
   * Steps of the issuance path, by a frame that only that step runs; the first that matches wins.
   */
  private static final List<Map.Entry<String, Pattern>> STEPS =
      List.of(
          step("storing (the commit group's transaction)", "pkiaas/persistence/CommitGroups\\."),
          // IssuanceService.issue signs, then records: its signing counts as signing
          step("deciding, building and signing", "pkiaas/issuance/control/CertificateSigning\\."),
          step("storing", "pkiaas/issuance/boundary/IssuanceService\\.record"),
          step("the CSR's parse and signature check", "pkiaas/issuance/control/CsrReader\\."),
          step("the rest of the one call", "pkiaas/issuance/boundary/OneCallIssuance\\."));

  private static final String OUTSIDE = "the rest: HTTP, sign-in, the body, the answer";

  private AsyncProfile() {}

  private static Map.Entry<String, Pattern> step(String name, String regex) {
    return Map.entry(name, Pattern.compile(regex));
  }

  /** The request threads' samples by code and by step, from collapsed stacks. */
  record Profile(PerfProfile.Shares byCode, Map<String, Long> bySteps) {

    /**
     * Two paragraphs for the benchmark's section, or one for a window that runs no step of the
     * issuance path.
     */
    String lines(String measurement) {
      long samples = byCode.samples();
      List<String> steps = new ArrayList<>();
      bySteps.forEach(
          (step, count) -> {
            if (count > 0) {
              steps.add(String.format(Locale.ROOT, "%s %.1f %%", step, 100.0 * count / samples));
            }
          });
      if (bySteps.get(OUTSIDE) == samples) {
        return byCode.line(measurement, "async-profiler");
      }
      return byCode.line(measurement, "async-profiler")
          + "\n"
          + String.format(
              Locale.ROOT,
              "- the request threads' CPU by step during \"%s\" (async-profiler, each sample"
                  + " counted for the first step any of its frames belongs to): %s.",
              measurement,
              String.join(", ", steps));
    }
  }

  static Profile of(BufferedReader collapsed) throws IOException {
    Map<String, Long> byCode = CodeKinds.emptyCounts();
    Map<String, Long> bySteps = new LinkedHashMap<>();
    STEPS.forEach(entry -> bySteps.putIfAbsent(entry.getKey(), 0L));
    bySteps.put(OUTSIDE, 0L);
    long samples = 0;
    for (String line = collapsed.readLine(); line != null; line = collapsed.readLine()) {
      int space = line.lastIndexOf(' ');
      if (!line.startsWith("[" + PerfProfile.REQUEST_THREADS) || space < 0) {
        continue;
      }
      long count = Long.parseLong(line.substring(space + 1));
      String[] frames = line.substring(0, space).split(";");
      if (frames.length < 2) {
        continue;
      }
      samples += count;
      byCode.merge(codeOf(frames[frames.length - 1]), count, Long::sum);
      bySteps.merge(stepOf(frames), count, Long::sum);
    }
    return new Profile(new PerfProfile.Shares(samples, byCode), bySteps);
  }

  private static String stepOf(String[] frames) {
    for (Map.Entry<String, Pattern> step : STEPS) {
      for (int i = 1; i < frames.length; i++) {
        if (step.getValue().matcher(frames[i]).find()) {
          return step.getKey();
        }
      }
    }
    return OUTSIDE;
  }

  /**
   * What a frame's code belongs to, as async-profiler names frames: {@code _[k]} after a kernel
   * function, {@code org/pkiaas/Type.method} for Java (compiled, inlined or interpreted), C++ names
   * with {@code ::} and {@code JVM_} entry points for the JVM, the JIT's stubs by their own names,
   * and plain symbols for native libraries.
   */
  static String codeOf(String frame) {
    if (frame.endsWith("_[k]")) {
      return CodeKinds.KERNEL;
    }
    int slash = frame.indexOf('/');
    if (slash > 0 && frame.indexOf('.', slash) > 0 && !frame.contains("::")) {
      String method = frame.replaceFirst("_\\[[a-z0-9]\\]$", "").replace('/', '.');
      return CodeKinds.javaCode(
          method); // BigInteger.montgomeryMultiply's Java, too, as perf has it
    }
    if (frame.contains("montgomery")) {
      return CodeKinds.MONTGOMERY;
    }
    if (frame.contains("::")
        || frame.startsWith("JVM_")
        || frame.startsWith("Unsafe_")
        || frame.contains(" stub")
        || frame.startsWith("Interpreter")
        || frame.startsWith("StubRoutines")
        || frame.matches("j\\w+_arraycopy.*")) {
      return CodeKinds.JVM;
    }
    return CodeKinds.NATIVE;
  }

  /** Reads {@code collapsed} and keeps its lines for the section ({@link PerfProfile#drain}). */
  static void record(String measurement, Path collapsed) {
    try (BufferedReader in = Files.newBufferedReader(collapsed, StandardCharsets.UTF_8)) {
      Profile profile = of(in);
      if (profile.byCode().samples() == 0) {
        System.err.println("no request-thread samples in " + collapsed + ": no line");
        return;
      }
      PerfProfile.LINES.add(profile.lines(measurement));
    } catch (IOException | RuntimeException e) {
      System.err.println("the profile " + collapsed + " was not read: " + e);
    }
  }
}
