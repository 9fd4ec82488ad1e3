package org.pkiaas.hsm.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's {@code --name value} options. Secrets (PINs, passwords) are read from a file named by
 * an option or from an environment variable, never from the command line, where other users of the
 * device could see them in the process list.
 */
final class AgentOptions {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> environment;

  AgentOptions(String[] args, int from, Map<String, String> environment) {
    this.environment = environment;
    for (int i = from; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --name value, got " + name);
      }
      if (name.equals("--pin") || name.endsWith("-password")) {
        throw new IllegalArgumentException(
            "Secrets are not taken on the command line: use a --*-file option or the environment");
      }
      values.put(name.substring(2), args[++i]);
    }
  }

  String required(String name) {
    return optional(name)
        .orElseThrow(() -> new IllegalArgumentException("Missing option --" + name));
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  Path path(String name) {
    return Path.of(required(name));
  }

  /**
   * Reads a secret from the file named by {@code --<fileOption>} or from {@code envName}.
   *
   * @return the secret, without a trailing newline
   */
  char[] secret(String fileOption, String envName) {
    Optional<String> file = optional(fileOption);
    if (file.isPresent()) {
      try {
        return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)
            .stripTrailing()
            .toCharArray();
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read --" + fileOption + ": " + e.getMessage());
      }
    }
    String value = environment.get(envName);
    if (value == null) {
      throw new IllegalArgumentException(
          "Give the secret in the file named by --" + fileOption + " or in " + envName);
    }
    return value.toCharArray();
  }
}
