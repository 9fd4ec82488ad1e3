package org.pkiaas.view.est;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The EST URL forms (RFC 7030 §3.2.2) and the base-URL form strongSwan's pki builds. */
class EstServletTest {

  @Test
  void theWellKnownPathNamesLabelAndOperation() {
    assertEquals(
        new EstServlet.Target("routers", "simpleenroll"),
        EstServlet.Target.of("/.well-known/est", "/routers/simpleenroll"));
  }

  @Test
  void aBaseUrlWithTheWellKnownPathAppendedIsTheSameService() {
    assertEquals(
        new EstServlet.Target("routers", "cacerts"),
        EstServlet.Target.of("/est", "/routers/.well-known/est/cacerts"));
  }

  @Test
  void withoutALabelTheDefaultServesAndOtherPathsAreNotEstUrls() {
    assertEquals(
        new EstServlet.Target(null, "cacerts"),
        EstServlet.Target.of("/.well-known/est", "/cacerts"));
    assertNull(EstServlet.Target.of("/.well-known/est", "/a/b/cacerts"));
    assertNull(EstServlet.Target.of("/.well-known/est", null));
    assertNull(EstServlet.Target.of("/est", "/routers/cacerts"));
    assertNull(EstServlet.Target.of("/est", "/routers/.well-known/est/../cacerts"));
  }
}
