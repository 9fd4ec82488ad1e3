package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A node started with another master key than the one its database's keys are wrapped under refuses
 * to start, and says what to do (issue 12). Starts a second, throwaway WildFly on the test server's
 * installation with a base directory of its own, another port offset, the same database (H2: a copy
 * of its file, which the running server holds locked) and a random master key.
 */
class MasterKeyCheckIT extends ServerIT {

  private static final Duration BOOT_PATIENCE = Duration.ofMinutes(6);

  @Test
  void aNodeWithAnotherMasterKeyRefusesToStart() throws Exception {
    // the running server stored its key's check value at deployment: make sure it did its work
    assertEquals(200, admin.get("/api/v1/cas").status());
    String database = System.getProperty("pkiaas.it.database", "h2");
    Path servers =
        Path.of(System.getProperty("pkiaas.it.servers", "target/servers")).toAbsolutePath();
    Path home = servers.resolve(database);
    Path base = servers.resolve(database + "-wrong-key");
    layOut(home.resolve("standalone"), base, database);

    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    int offset = Integer.parseInt(System.getProperty("pkiaas.it.port-offset", "100")) + 50;
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Dpkiaas.master.key=" + Base64.getEncoder().encodeToString(otherKey)));
    if ("mariadb".equals(database)) {
      command.add(
          "-Dpkiaas.db.url=jdbc:mariadb://127.0.0.1:3306/"
              + System.getProperty("pkiaas.it.db-name", "pkiaas_it"));
      command.add("-Dpkiaas.db.user=pkiaas_it");
      command.add("-Dpkiaas.db.password=pkiaas_it");
    }
    Path console = base.resolve("console.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true");
    Process server = builder.start();
    try {
      String log = awaitBootEnd(server, console, base.resolve("log/server.log"));

      assertTrue(log.contains("WFLYSRV0026"), "WildFly reports the boot as failed");
      assertTrue(
          Files.exists(base.resolve("deployments/pkiaas.ear.failed")),
          "the deployment does not start");
      assertTrue(
          log.contains("PKIaaS refuses to start: the master key from PKIAAS_MASTER_KEY"), log);
      assertTrue(log.contains("does not match the key-check value stored in the database"), log);
      assertTrue(
          log.contains("Start this node with the master key that belongs to this database"), log);
      assertFalse(
          log.contains(Base64.getEncoder().encodeToString(otherKey)),
          "the key itself is never logged");
    } finally {
      stop(server);
    }
    assertEquals(200, admin.get("/api/v1/cas").status(), "the running node is untouched");
  }

  /**
   * The throwaway's base directory: the configured server's configuration, the EAR, and for H2 a
   * copy of the data.
   */
  private static void layOut(Path standalone, Path base, String database) throws IOException {
    deleteTree(base);
    copyTree(standalone.resolve("configuration"), base.resolve("configuration"));
    // Arquillian deployed the EAR through management, which standalone.xml records: deploy it by
    // the scanner instead
    Path config = base.resolve("configuration/standalone.xml");
    Files.writeString(
        config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
    Files.createDirectories(base.resolve("deployments"));
    Files.copy(
        Path.of(System.getProperty("pkiaas.it.ear", "target/deploy/pkiaas.ear")),
        base.resolve("deployments/pkiaas.ear"));
    if ("h2".equals(database)) {
      copyTree(standalone.resolve("data/pkiaas"), base.resolve("data/pkiaas"));
      Files.deleteIfExists(base.resolve("data/pkiaas/pkiaas.lock.db"));
    }
  }

  private static String awaitBootEnd(Process server, Path console, Path serverLog)
      throws Exception {
    Instant deadline = Instant.now().plus(BOOT_PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(console) ? Files.readString(console) : "";
      if (text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026") || !server.isAlive()) {
        return text + (Files.exists(serverLog) ? Files.readString(serverLog) : "");
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "The throwaway server did not finish booting in "
            + BOOT_PATIENCE
            + ": "
            + (Files.exists(console) ? Files.readString(console) : "no output"));
  }

  /** Ends the script and the JVM it started (this test's processes only). */
  private static void stop(Process server) throws InterruptedException {
    List<ProcessHandle> family = new ArrayList<>(server.descendants().toList());
    server.destroy();
    for (ProcessHandle child : family) {
      child.destroy();
    }
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
    for (ProcessHandle child : family) {
      child.onExit().toCompletableFuture().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(
              path,
              target,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
