package org.pkiaas.hsm.adapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a password from its own file, so that it never sits in a configuration file or a log. */
final class Secrets {

  private Secrets() {}

  static char[] read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).stripTrailing().toCharArray();
  }
}
