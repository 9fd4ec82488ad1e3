package org.pkiaas.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WildFly node of the two-node tests (and of the upgrade test): a server the build prepared (by
 * {@code wildfly-config/configure.sh}, as operators configure theirs; the MariaDB one unless told),
 * started with a base directory of its own, its own port offset and node name, and the real EAR in
 * its deployment folder.
 */
final class ClusterNode {

  private final String name;
  private final String server;
  private final Path base;
  private final int offset;
  private final List<String> properties;
  private final Map<String, String> environment;
  private Process process;

  /**
   * @param properties the system properties of this node ({@code -Dname=value})
   * @param environment secrets, which must not show on the command line
   */
  ClusterNode(
      String name, Path base, int offset, List<String> properties, Map<String, String> environment)
      throws IOException {
    this("mariadb", name, base, offset, properties, environment);
  }

  /**
   * @param server the prepared server to start: "h2" or "mariadb"
   */
  ClusterNode(
      String server,
      String name,
      Path base,
      int offset,
      List<String> properties,
      Map<String, String> environment)
      throws IOException {
    this.server = server;
    this.name = name;
    this.base = base;
    this.offset = offset;
    this.properties = List.copyOf(properties);
    this.environment = Map.copyOf(environment);
    layOut();
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + (8080 + offset);
  }

  int managementPort() {
    return 9990 + offset;
  }

  Path serverLog() {
    return base.resolve("log/server.log");
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Starts the server; {@link #awaitDeployed} waits for the application once deployed. */
  void start() throws IOException {
    Path home = home();
    Files.deleteIfExists(console());
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + base);
    command.add("-Djboss.socket.binding.port-offset=" + offset);
    command.add("-Djboss.node.name=" + name);
    command.add("-Djboss.tx.node.id=" + name);
    properties.forEach(p -> command.add("-D" + p));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console().toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("PKIAAS_"));
    builder.environment().putAll(environment);
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m");
    process = builder.start();
  }

  /** Waits until the server log says {@code text}, the server having started cleanly so far. */
  void awaitLog(String text, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(console(), StandardCharsets.UTF_8);
      if (output.contains(text)) {
        return;
      }
      if (output.contains("WFLYSRV0026") || !process.isAlive()) {
        throw new AssertionError("Node " + name + " did not start cleanly:\n" + output);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Node " + name + " did not log " + text + " within " + timeout);
  }

  /**
   * Puts the EAR into the deployment folder, where the running server's scanner (or its next start)
   * deploys it.
   */
  void deploy() throws IOException {
    Files.copy(
        Path.of(System.getProperty("pkiaas.it.ear", "target/deploy/pkiaas.ear")),
        base.resolve("deployments/pkiaas.ear"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Waits until WildFly reports the EAR deployed. */
  void awaitDeployed() throws Exception {
    awaitLog("WFLYSRV0010: Deployed \"pkiaas.ear\"", Duration.ofMinutes(6));
  }

  /** Kills the server as a crash would: the JVM gets SIGKILL, no shutdown hook runs. */
  void kill() throws Exception {
    if (process == null) {
      return;
    }
    List<ProcessHandle> jvms = process.descendants().toList();
    jvms.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    for (ProcessHandle jvm : jvms) {
      jvm.onExit().get(60, TimeUnit.SECONDS);
    }
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** Stops the server the ordinary way (SIGTERM), and hard if it does not stop in a minute. */
  void stop() throws Exception {
    if (process == null) {
      return;
    }
    List<ProcessHandle> jvms = process.descendants().toList();
    jvms.forEach(ProcessHandle::destroy);
    process.destroy();
    for (ProcessHandle jvm : jvms) {
      try {
        jvm.onExit().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        jvm.destroyForcibly();
      }
    }
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private Path console() {
    return base.resolve("console.log");
  }

  private Path home() {
    return Path.of(System.getProperty("pkiaas.it.servers", "target/servers"))
        .resolve(server)
        .toAbsolutePath();
  }

  /** A base directory with the prepared configuration and an empty deployment folder. */
  private void layOut() throws IOException {
    Tools.ok(Path.of("."), "rm", "-rf", base.toString());
    Files.createDirectories(base.resolve("configuration"));
    Files.createDirectories(base.resolve("deployments"));
    try (var files = Files.list(home().resolve("standalone/configuration"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, base.resolve("configuration").resolve(f.getFileName()));
      }
    }
    // The suite's Arquillian server may have recorded its deployment there.
    Path config = base.resolve("configuration/standalone.xml");
    Files.writeString(
        config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
  }
}
