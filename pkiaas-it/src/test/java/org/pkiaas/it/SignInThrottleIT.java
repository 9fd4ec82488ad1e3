package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password guessing over HTTP Basic: each client address and each account gets a growing wait after
 * a few failures, refused before the password is hashed, audited; the owner of the attacked account
 * still signs in from where they usually do. The attacker's requests come from other loopback
 * addresses than the rest of the suite's.
 */
class SignInThrottleIT extends ServerIT {

  private static final String ME = "/api/v1/accounts/me";

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A new account whose owner has signed in once from the suite's usual address. */
  private Api ownerSignedIn(String name, String password) {
    assertEquals(
        201,
        admin
            .post(
                "/api/v1/accounts",
                jakarta.json.Json.createObjectBuilder()
                    .add("username", name)
                    .add("password", password)
                    .build())
            .status());
    Api owner = Api.basic(name, password);
    assertEquals(200, owner.get(ME).status(), "the owner signs in from their usual address");
    return owner;
  }

  @Test
  void threeHundredWrongPasswordsGet429sCheaplyAndTheOwnerStillSignsIn() {
    String name = "victim-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "the-owners-password-1";
    Api owner = ownerSignedIn(name, password);

    FromAddress attacker = FromAddress.of("127.0.0.2");
    long server = WildFlyProcess.pid();
    Duration cpuBefore = WildFlyProcess.cpuTime(server);
    int unauthorized = 0;
    int throttled = 0;
    for (int i = 0; i < 300; i++) {
      FromAddress.Reply reply = attacker.get(ME, "Authorization", basic(name, "guess-number-" + i));
      if (reply.status() == 429) {
        throttled++;
        assertTrue(Long.parseLong(reply.header("Retry-After")) >= 1, reply::toString);
        assertTrue(
            reply.header("Content-Type").startsWith("application/problem+json"), reply::toString);
      } else {
        assertEquals(401, reply.status(), reply::toString);
        unauthorized++;
      }
    }
    Duration cpu = WildFlyProcess.cpuTime(server).minus(cpuBefore);
    System.out.printf(
        "300 wrong passwords: %d answered 401, %d answered 429; server CPU %d ms%n",
        unauthorized, throttled, cpu.toMillis());
    assertTrue(
        unauthorized >= 10 && unauthorized <= 20,
        "ten free failures, then one per expired wait: " + unauthorized);
    assertEquals(300, unauthorized + throttled);
    // 300 hashed guesses cost about 65 CPU-seconds on this machine kind; the throttled ones cost
    // nothing.
    assertTrue(cpu.compareTo(Duration.ofSeconds(12)) < 0, "server CPU for 300 guesses: " + cpu);

    assertEquals(
        429,
        attacker.get(ME, "Authorization", basic(name, password)).status(),
        "even the right password waits at the attacker's address");
    FromAddress.Reply elsewhere =
        FromAddress.of("127.0.0.3").get(ME, "Authorization", basic(name, password));
    assertEquals(429, elsewhere.status(), "and at any address the owner never used");
    assertTrue(
        elsewhere.body().contains("too many failed sign-ins for this account"),
        elsewhere::toString);
    assertEquals(
        404,
        attacker.get("/api/v1/cas/00000000-0000-0000-0000-000000000000/urls").status(),
        "calls that need no sign-in are not affected");

    assertEquals(200, owner.get(ME).status(), "the owner still signs in");
    assertEquals(name, owner.get(ME).json().getString("username"));

    List<JsonObject> failures =
        admin.get("/api/v1/audit?size=500").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(
                e ->
                    "account.signin".equals(e.getString("action"))
                        && "FAILURE".equals(e.getString("outcome"))
                        && e.getString("detail", "").contains("'" + name + "' from 127.0.0.2"))
            .toList();
    assertEquals(unauthorized, failures.size(), "every checked guess is audited");
    assertTrue(
        failures.stream().anyMatch(e -> e.getString("detail").contains("throttled")),
        failures::toString);
    assertTrue(
        failures.stream()
            .allMatch(
                e -> e.getString("objectId", "").equals(owner.get(ME).json().getString("id"))),
        "against the attacked account");
  }

  /**
   * The console's sign-in page counts against the same throttle as HTTP Basic (both go through
   * Accounts.authenticate): guesses posted to the page from one address get the page with its
   * message and 429 with Retry-After after the free failures, are audited, and the owner still
   * signs in from where they usually do.
   */
  /**
   * Found by the issuance benchmark: after someone behind the same address mistyped a password, an
   * integrator's parallel calls with the right password were refused 429 ("too many sign-ins at
   * once") because each took one of the few parallel-check slots. A password that verified minutes
   * ago is no guess and costs no hash: it takes no slot.
   */
  @Test
  void parallelCallsWithARememberedPasswordPassWhileTheAddressHasFailures() throws Exception {
    String name = "integrator-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "the-integrators-password-1";
    ownerSignedIn(name, password);
    FromAddress office = FromAddress.of("127.0.0.6");
    assertEquals(200, office.get(ME, "Authorization", basic(name, password)).status());
    for (int i = 0; i < 9; i++) {
      assertEquals(401, office.get(ME, "Authorization", basic("typo-" + i, "mistyped")).status());
    }
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<FromAddress.Reply>> replies = new java.util.ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 16; i++) {
          replies.add(threads.submit(() -> office.get(ME, "Authorization", basic(name, password))));
        }
      }
      for (var reply : replies) {
        FromAddress.Reply answered = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, answered.status(), answered::toString);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(
        401,
        office.get(ME, "Authorization", basic("typo-10", "mistyped")).status(),
        "the address's last free failure is still there: the calls took nothing from it");
  }

  @Test
  void theConsoleSignInPageIsThrottledLikeTheApi() {
    String name = "console-victim-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "the-owners-password-2";
    Api owner = ownerSignedIn(name, password);

    SignInPage page = SignInPage.open(FromAddress.of("127.0.0.5"));
    int refused = 0;
    int throttled = 0;
    for (int i = 0; i < 16; i++) {
      FromAddress.Reply reply = page.signIn(name, "console-guess-" + i);
      if (reply.status() == 429) {
        throttled++;
        assertTrue(Long.parseLong(reply.header("Retry-After")) >= 1, reply::toString);
        assertTrue(reply.body().contains("Sign-in refused"), "the page says why");
      } else {
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.body().contains("Invalid username or password"), reply::toString);
        refused++;
      }
    }
    // ten free failures, then one per expired wait (1 s, 2 s, 4 s, ...)
    assertTrue(refused >= 10 && refused <= 14, "refused: " + refused);
    assertTrue(throttled >= 2, "throttled: " + throttled);
    // the right password, sent while the address still has seconds to wait, waits too (a slow
    // server may answer a guess after a short wait has already run out, so find a long one)
    FromAddress.Reply waiting = page.signIn(name, "console-guess-last");
    for (int i = 0;
        i < 8 && (waiting.status() != 429 || Long.parseLong(waiting.header("Retry-After")) < 3);
        i++) {
      if (waiting.status() != 429) {
        refused++;
      }
      waiting = page.signIn(name, "console-guess-last-" + i);
    }
    assertEquals(429, waiting.status(), waiting::toString);
    // the address waits for the API too: the page and HTTP Basic share one throttle
    assertEquals(
        429,
        FromAddress.of("127.0.0.5").get(ME, "Authorization", basic(name, password)).status(),
        "the right password waits at that address");

    assertEquals(200, owner.get(ME).status(), "the owner still signs in");
    long audited =
        admin.get("/api/v1/audit?size=500").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(
                e ->
                    "account.signin".equals(e.getString("action"))
                        && "FAILURE".equals(e.getString("outcome"))
                        && e.getString("detail", "").contains("'" + name + "' from 127.0.0.5"))
            .count();
    assertEquals(refused, audited, "every checked guess on the page is audited");
  }

  /** The console's sign-in form, posted as a browser would, from one client address. */
  private static final class SignInPage {

    private static final java.util.regex.Pattern VIEW_STATE =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final java.util.regex.Pattern NONCE =
        java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"");

    private final FromAddress client;
    private final String cookie;
    private String viewState;
    private String nonce;

    private SignInPage(FromAddress client, String cookie, String body) {
      this.client = client;
      this.cookie = cookie;
      read(body);
    }

    static SignInPage open(FromAddress client) {
      FromAddress.Reply page = client.get("/login.xhtml");
      assertEquals(200, page.status(), page::toString);
      return new SignInPage(client, page.header("Set-Cookie").split(";")[0], page.body());
    }

    FromAddress.Reply signIn(String username, String password) {
      String form =
          "login=login&login%3Ausername="
              + encode(username)
              + "&login%3Apassword="
              + encode(password)
              + "&login%3Anext=&login%3Asignin=&jakarta.faces.ViewState="
              + encode(viewState)
              + "&primefaces.nonce="
              + encode(nonce);
      FromAddress.Reply reply =
          client.post("/login.xhtml", "application/x-www-form-urlencoded", form, "Cookie", cookie);
      read(reply.body());
      return reply;
    }

    private void read(String body) {
      java.util.regex.Matcher state = VIEW_STATE.matcher(body);
      if (state.find()) {
        viewState = state.group(1);
      }
      java.util.regex.Matcher script = NONCE.matcher(body);
      if (script.find()) {
        nonce = script.group(1);
      }
    }

    private static String encode(String value) {
      return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  @Test
  void unknownUsernamesAreThrottledLikeKnownOnes() {
    FromAddress sprayer = FromAddress.of("127.0.0.4");
    int throttled = 0;
    for (int i = 0; i < 30; i++) {
      int status =
          sprayer
              .get(
                  ME,
                  "Authorization",
                  basic("nobody-" + i + "-" + UUID.randomUUID(), "password-" + i))
              .status();
      assertTrue(status == 401 || status == 429, "status " + status);
      throttled += status == 429 ? 1 : 0;
    }
    assertTrue(throttled >= 15, "the address waits whichever names it tries: " + throttled);
    assertEquals(200, admin.get(ME).status(), "other addresses are not affected");
  }
}
