package org.pkiaas.hsm.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real agent jar ({@code java -jar iot-hsm-agent-*-runnable.jar}) against one SoftHSM2
 * token made for the test; the PIN goes in through the environment, as in production.
 */
final class AgentProcesses {

  static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  static final String PIN = "975310";

  private final Path work;
  private final Path conf;
  private String slot;

  AgentProcesses(Path work) {
    this.work = work;
    this.conf = Path.of(System.getenv("SOFTHSM2_CONF"));
  }

  /** Makes a fresh token and returns its slot id. */
  String initToken(String label) throws Exception {
    Path tokens = conf.resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (var paths = Files.walk(tokens)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(
        conf,
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--pin",
        PIN,
        "--so-pin",
        "86420864");
    String listing = agent("slots", "--library", LIBRARY);
    for (String line : listing.split("\n")) {
      if (line.contains("label=" + label + " ")) {
        slot = line.substring("slot ".length(), line.indexOf(':'));
      }
    }
    if (slot == null) {
      throw new IllegalStateException("Token not listed: " + listing);
    }
    return slot;
  }

  /**
   * Generates a key on the token and provisions it, through the agent's commands, as a self-signed
   * root copied from {@code template}, pinning {@code serverLink} in {@code stateDir}.
   *
   * @return the root certificate
   */
  X509Certificate provisionRoot(
      String alias,
      String type,
      X509Certificate template,
      X509Certificate serverLink,
      Path stateDir)
      throws Exception {
    Path provisioning = work.resolve(alias + "-provisioning.pem");
    Files.writeString(provisioning, LinkPki.pem(template, serverLink));
    agent(onToken("generate", alias, "--type", type));
    Path root = work.resolve(alias + ".pem");
    agent(
        onToken(
            "provision",
            alias,
            "--provisioning-certificate",
            provisioning.toString(),
            "--mode",
            "self-signed",
            "--out",
            root.toString(),
            "--state-dir",
            stateDir.toString()));
    try (var in = Files.newInputStream(root)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** A command on this token's key {@code alias}, then {@code more} options. */
  private String[] onToken(String command, String alias, String... more) {
    List<String> args =
        new ArrayList<>(List.of(command, "--library", LIBRARY, "--slot", slot, "--alias", alias));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** Runs an agent command to completion and returns its output. */
  String agent(String... args) throws Exception {
    return run(command(args).toArray(new String[0]));
  }

  /** Starts {@code run} and waits until the agent says it serves its key. */
  Process startLink(String alias, Path stateDir, String broker) throws Exception {
    List<String> command =
        command(
            onToken(
                "run",
                alias,
                "--broker",
                broker,
                "--state-dir",
                stateDir.toString(),
                "--heartbeat-seconds",
                "1"));
    Path logs = Files.createDirectories(Path.of("target", "agent-logs"));
    Path log = Files.createTempFile(logs, "agent", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("IOT_HSM_PIN", PIN);
    Process process = builder.redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(log).contains("serving key id")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("Agent did not start: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return process;
  }

  String slot() {
    return slot;
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getProperty("agent.jvm.options", "");
    if (!options.isBlank() && args[0].equals("run")) {
      command.addAll(List.of(options.trim().split("\\s+"))); // a profile of the agent's link work
    }
    command.add("-jar");
    command.add(System.getProperty("agent.jar"));
    command.addAll(List.of(args));
    return command;
  }

  private String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("IOT_HSM_PIN", PIN);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
