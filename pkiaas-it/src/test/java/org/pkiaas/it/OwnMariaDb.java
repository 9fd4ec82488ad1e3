package org.pkiaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own: a data directory made with {@code mariadb-install-db},
 * listening on its own port on 127.0.0.1, started and stopped by the test (the machine's shared
 * MariaDB, which other tests use, is never touched).
 */
final class OwnMariaDb implements AutoCloseable {

  private final Path dir;
  private final int port;
  private Process server;

  OwnMariaDb(Path dir, int port) throws Exception {
    this.dir = dir;
    this.port = port;
    delete(dir);
    Files.createDirectories(dir);
    run(
        "mariadb-install-db",
        "--no-defaults",
        "--datadir=" + dir.resolve("data"),
        "--user=" + user(),
        "--auth-root-authentication-method=normal",
        "--skip-test-db");
  }

  int port() {
    return port;
  }

  String url(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /** Starts the server on the existing data directory and waits until it answers. */
  void start() throws Exception {
    Path log = dir.resolve("mariadbd.log");
    server =
        new ProcessBuilder(
                "/usr/sbin/mariadbd",
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socket(),
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--user=" + user(),
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=32M",
                "--log-error=" + log)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("mariadbd exited: " + Files.readString(log));
      }
      if (new ProcessBuilder(
                  "mariadb-admin", "--no-defaults", "--socket=" + socket(), "-uroot", "ping")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("mariadbd did not answer within 60 s");
  }

  /** Stops the server the hard way, as a crash or a pulled cable would (SIGKILL). */
  void kill() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  void sql(String statements) throws Exception {
    Process client =
        new ProcessBuilder(
                "mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "-e", statements)
            .redirectErrorStream(true)
            .start();
    String output = new String(client.getInputStream().readAllBytes());
    if (client.waitFor() != 0) {
      throw new IllegalStateException("mariadb: " + output);
    }
  }

  private Path socket() {
    return dir.resolve("mariadbd.sock");
  }

  @Override
  public void close() throws Exception {
    kill();
    delete(dir);
  }

  private static String user() {
    return System.getProperty("user.name");
  }

  private static void run(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
