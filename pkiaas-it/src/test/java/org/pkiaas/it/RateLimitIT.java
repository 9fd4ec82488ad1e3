package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The default limits on what anyone can do without an account, per client address. The suite's own
 * address (127.0.0.1) is exempted in arquillian.xml ({@code pkiaas.rate-limits.exempt}) so that
 * other tests may renew and claim freely; these requests come from addresses of their own, with the
 * shipped defaults.
 */
class RateLimitIT extends ServerIT {

  private static final String JSON = "application/json";

  /** Sends {@code allowed} requests that are answered but not rate-limited, then one that is. */
  private static void assertLimited(
      FromAddress client, String path, int allowed, long window, String... headers) {
    for (int i = 0; i < allowed; i++) {
      FromAddress.Reply reply = client.post(path, JSON, "{\"csr\":\"not a csr\"}", headers);
      assertNotEquals(429, reply.status(), () -> "request " + reply);
    }
    FromAddress.Reply refused = client.post(path, JSON, "{\"csr\":\"not a csr\"}", headers);
    assertEquals(429, refused.status(), refused::toString);
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter > window - 120 && retryAfter <= window + 1, "Retry-After " + retryAfter);
    assertTrue(refused.body().contains("Too many"), refused::toString);
  }

  @Test
  void signUpsAreLimitedPerAddress() {
    assertLimited(FromAddress.of("127.0.0.11"), "/api/v1/signup", 5, 3600);
    assertEquals(
        403,
        FromAddress.of("127.0.0.12").post("/api/v1/signup", JSON, "{}").status(),
        "another address is counted apart (and sign-up is switched off)");
  }

  @Test
  void renewalsAreLimitedPerAddress() {
    assertLimited(
        FromAddress.of("127.0.0.13"),
        "/api/v1/cas/00000000-0000-0000-0000-000000000000/renewals",
        30,
        3600);
  }

  @Test
  void claimsAreLimitedPerAddress() {
    assertLimited(
        FromAddress.of("127.0.0.14"), "/api/v1/claims", 30, 600, "Claim-Token", "no-such-claim");
  }

  @Test
  void publicRequestsAreLimitedPerAddress() {
    assertLimited(
        FromAddress.of("127.0.0.15"),
        "/api/v1/templates/00000000-0000-0000-0000-000000000000/public",
        20,
        3600);
  }

  @Test
  void anExemptAddressIsNotCounted() {
    for (int i = 0; i < 8; i++) {
      assertEquals(
          403,
          Api.anonymous().post("/api/v1/signup", "{\"username\":\"x\"}").status(),
          "127.0.0.1 is exempt in this suite's configuration");
    }
  }
}
