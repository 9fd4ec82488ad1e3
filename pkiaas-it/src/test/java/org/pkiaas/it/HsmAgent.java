package org.pkiaas.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real IoT-HSM agent ({@code java -jar iot-hsm-agent-*-runnable.jar}) on a SoftHSM2 token of
 * its own, made in {@code work}; the PIN goes in through the environment, as in production.
 */
final class HsmAgent {

  static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  private static final String PIN = "246810";

  private final Path work;
  private final Path state;
  private final Map<String, String> environment;
  private String slot;
  private Process running;

  HsmAgent(Path work) {
    this.work = work;
    this.state = work.resolve("state");
    this.environment =
        Map.of("SOFTHSM2_CONF", work.resolve("softhsm2.conf").toString(), "IOT_HSM_PIN", PIN);
  }

  /** A fresh token, found by its label among the agent's slots. */
  HsmAgent initToken(String label) throws Exception {
    Path tokens = Files.createDirectories(work.resolve("tokens"));
    Files.writeString(
        work.resolve("softhsm2.conf"),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    run(
        List.of(
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            PIN,
            "--so-pin",
            "13579135"));
    String listing = agent("slots", "--library", LIBRARY);
    for (String line : listing.split("\n")) {
      if (line.contains("label=" + label + " ")) {
        slot = line.substring("slot ".length(), line.indexOf(':'));
      }
    }
    if (slot == null) {
      throw new IllegalStateException("Token not listed: " + listing);
    }
    return this;
  }

  /** {@code generate} a key of {@code type} (p-256, rsa-2048, ...) under {@code alias}. */
  void generate(String alias, String type) throws Exception {
    agent(onToken("generate", alias, "--type", type));
  }

  /**
   * {@code provision}: turns the server's provisioning file into a self-signed root ({@code
   * self-signed}) or a CSR ({@code csr}), pinning the server's link certificate.
   *
   * @return the PEM the agent wrote
   */
  String provision(String alias, String provisioningPem, String mode) throws Exception {
    Path provisioning = work.resolve(alias + "-provisioning.pem");
    Files.writeString(provisioning, provisioningPem);
    Path out = work.resolve(alias + "-" + mode + ".pem");
    agent(
        onToken(
            "provision",
            alias,
            "--provisioning-certificate",
            provisioning.toString(),
            "--mode",
            mode,
            "--out",
            out.toString(),
            "--state-dir",
            state.toString()));
    return Files.readString(out);
  }

  /** {@code run}: serves the key until {@link #stop}; returns once the agent says it serves. */
  void start(String alias) throws Exception {
    List<String> command =
        command(
            onToken(
                "run",
                alias,
                "--broker",
                System.getProperty("pkiaas.it.mqtt-broker", "tcp://127.0.0.1:1883"),
                "--state-dir",
                state.toString(),
                "--heartbeat-seconds",
                "1"));
    Path log = Files.createTempFile(work, "agent", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    running = builder.redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(log).contains("serving key id")) {
      if (!running.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("Agent did not start: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  /** SIGTERM, as systemd stops it; waits for the process to end. */
  void stop() throws InterruptedException {
    if (running != null) {
      running.destroy();
      if (!running.waitFor(20, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor();
      }
      running = null;
    }
  }

  /** SIGKILL, as a power cut: no goodbye, the server only notices the silence (or the timeout). */
  void kill() throws InterruptedException {
    if (running != null) {
      running.destroyForcibly().waitFor();
      running = null;
    }
  }

  private List<String> onToken(String command, String alias, String... more) {
    List<String> args =
        new ArrayList<>(List.of(command, "--library", LIBRARY, "--slot", slot, "--alias", alias));
    args.addAll(List.of(more));
    return args;
  }

  private String agent(String... args) throws Exception {
    return run(command(List.of(args)));
  }

  private String agent(List<String> args) throws Exception {
    return run(command(args));
  }

  private static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("pkiaas.it.agent-jar"));
    command.addAll(args);
    return command;
  }

  private String run(List<String> command) {
    return Tools.ok(work, environment, command.toArray(new String[0]));
  }
}
