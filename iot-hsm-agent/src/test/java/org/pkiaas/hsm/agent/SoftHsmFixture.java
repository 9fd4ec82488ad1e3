package org.pkiaas.hsm.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SoftHSM2 token for a test JVM, made before the PKCS#11 library is first loaded (SoftHSM2
 * reads {@code SOFTHSM2_CONF}, which the build sets, when it initialises). Tests use their own
 * aliases on it.
 */
final class SoftHsmFixture {

  static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  static final String PIN = "246810";
  private static final String LABEL = "pkiaas-agent-test";
  private static Long slot;

  private SoftHsmFixture() {}

  static synchronized long slot() throws Exception {
    if (slot == null) {
      Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
      Path tokens = conf.resolveSibling("tokens");
      deleteTree(tokens);
      Files.createDirectories(tokens);
      Files.writeString(
          conf,
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
      Process init =
          new ProcessBuilder(
                  "softhsm2-util",
                  "--init-token",
                  "--free",
                  "--label",
                  LABEL,
                  "--pin",
                  PIN,
                  "--so-pin",
                  "13579111")
              .inheritIO()
              .start();
      if (init.waitFor() != 0) {
        throw new IllegalStateException("softhsm2-util could not make a token");
      }
      slot =
          TokenSlots.list(LIBRARY).stream()
              .filter(s -> s.label().equals(LABEL))
              .findFirst()
              .orElseThrow()
              .id();
    }
    return slot;
  }

  static Token open() throws Exception {
    return Token.open(LIBRARY, slot(), PIN.toCharArray());
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
