package org.pkiaas.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run a real ACME client: the client answers http-01 itself, on the port the
 * server validates against, so the test's own responder lets go of it meanwhile; the test's DNS
 * server keeps resolving every name to 127.0.0.1.
 */
@RealClient
abstract class AcmeClientIT extends ServerIT {

  static final String HTTP01_PORT = System.getProperty("pkiaas.it.acme.http01-port", "5102");

  @TempDir Path dir;

  @BeforeAll
  static void freeTheHttp01Port() {
    ChallengeResponders.start();
    ChallengeResponders.stopHttp();
  }

  @AfterAll
  static void takeTheHttp01PortBack() {
    ChallengeResponders.start();
  }
}
