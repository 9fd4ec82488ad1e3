package org.pkiaas.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real clients the end-to-end tests use (openssl, node) and captures what they print. */
public final class Tools {

  private Tools() {}

  public record Run(int exitCode, String output) {}

  public static Run run(Path directory, String... command) {
    return run(directory, java.util.Map.of(), command);
  }

  /** Runs with extra environment variables. */
  public static Run run(
      Path directory, java.util.Map<String, String> environment, String... command) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command))
              .directory(directory.toFile())
              .redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot run " + command[0] + ": is it installed? (bin/pkiaas-test installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs and requires exit code 0, returning the output. */
  public static String ok(Path directory, String... command) {
    return ok(directory, java.util.Map.of(), command);
  }

  /** Runs with extra environment variables and requires exit code 0. */
  public static String ok(
      Path directory, java.util.Map<String, String> environment, String... command) {
    Run run = run(directory, environment, command);
    if (run.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " failed (" + run.exitCode() + "):\n" + run.output());
    }
    return run.output();
  }
}
