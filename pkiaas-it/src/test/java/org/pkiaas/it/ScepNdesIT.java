package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jscep.client.EnrollmentResponse;
import org.jscep.transaction.FailInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft NDES compatibility (user guide 6.3): a script fetches a one-time challenge password
 * from the template's mscep_admin page with HTTP Basic, the way NDES scripts do (curl, iconv from
 * UTF-16, a pattern on the sentence), and micromdm's scepclient enrolls with it through the NDES
 * SCEP path; the password works once; the page refuses strangers and fills its cache at five.
 */
class ScepNdesIT extends ServerIT {

  private static final String USER = "ndes-service";
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  @Test
  void aScriptFetchesAOneTimePasswordThatEnrollsOnce() throws Exception {
    ScepFixture scep = ndesWithBasic("SCEP NDES Root");
    String admin = Api.BASE_URL + "/ndes/" + scep.templateId() + "/CertSrv/mscep_admin/";
    String scepUrl = Api.BASE_URL + "/pki/ndes/" + scep.templateId() + "/certsrv/mscep/mscep.dll";

    Path script = dir.resolve("ndes-password.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "# what NDES integrations do: fetch the page, decode UTF-16, take the password\n"
            + "curl -sf -u \"$1\" \"$2\" | iconv -f UTF-16 -t UTF-8"
            + " | sed -n 's/.*The enrollment challenge password is: <B> \\([0-9A-F]*\\) <\\/B>.*/\\1/p'\n");
    String password = Tools.ok(dir, "sh", script.toString(), USER + ":" + PASSWORD, admin).trim();
    assertTrue(password.matches("[0-9A-F]{16}"), "a 16-hex-digit password: " + password);

    Path device = dir.resolve("device");
    Tools.Run enrolled = ScepFixture.scepclient(scepUrl, password, device, "ndes.example.test");
    assertEquals(0, enrolled.exitCode(), () -> enrolled.output() + scep.failures());
    assertTrue(scep.opensslVerify(dir, device.resolve("device.pem")).contains(": OK"));

    Tools.Run again =
        ScepFixture.scepclient(scepUrl, password, dir.resolve("second"), "ndes.example.test");
    assertNotEquals(0, again.exitCode(), "a one-time password works once: " + again.output());
    assertTrue(again.output().contains("badRequest"), again.output());
    assertEquals(1, scep.issued().size());
  }

  @Test
  void thePageSpeaksNdesAndRefusesStrangers() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP NDES page Root", "RSA");
    scep.set("scep", Json.createObjectBuilder().add("ndes", true).add("ndesBasicAuth", true));
    scep.owner.put(
        "/api/v1/templates/" + scep.templateId() + "/scep/ndes-credentials",
        Json.createObjectBuilder().add("username", USER).add("password", PASSWORD).build());
    String admin = Api.BASE_URL + "/ndes/" + scep.templateId() + "/certsrv/mscep_admin/";

    HttpResponse<byte[]> anonymous = get(admin, null);
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    String wrong = page(get(admin, USER + ":not the password"));
    assertTrue(wrong.contains("You do not have sufficient permission to enroll with SCEP."));

    for (int i = 0; i < 5; i++) {
      HttpResponse<byte[]> reply = get(admin, USER + ":" + PASSWORD);
      assertEquals("text/html", reply.headers().firstValue("Content-Type").orElse(""));
      assertEquals(0xFF, reply.body()[0] & 0xFF, "UTF-16LE with its byte order mark");
      assertEquals(0xFE, reply.body()[1] & 0xFF);
      String html = page(reply);
      assertTrue(
          html.matches("(?s).*The enrollment challenge password is: <B> [0-9A-F]{16} </B>.*"),
          html);
      assertTrue(html.matches("(?s).*<B> [0-9A-F]{8} [0-9A-F]{8} [0-9A-F]{8} [0-9A-F]{8} </B>.*"));
    }
    assertTrue(page(get(admin, USER + ":" + PASSWORD)).contains("The password cache is full."));
  }

  @Deployment(name = DatabaseClock.DEPLOYMENT, testable = false)
  public static WebArchive clock() {
    return DatabaseClock.war();
  }

  /** A password works for 60 minutes: one handed out 61 minutes ago is refused, 59 works. */
  @Test
  void aPasswordExpiresAfterSixtyMinutes() throws Exception {
    ScepFixture scep = ndesWithBasic("SCEP NDES expiry Root");
    String admin = Api.BASE_URL + "/ndes/" + scep.templateId() + "/certsrv/mscep_admin/";
    String aged = password(page(get(admin, USER + ":" + PASSWORD)));
    handedOutAgo(scep, 61);
    var client = JscepDevice.client(scep);
    JscepDevice late = JscepDevice.named("late.example.test", aged);
    EnrollmentResponse refused =
        client.enrol(late.identity(), late.keyPair().getPrivate(), late.csr());
    assertTrue(refused.isFailure(), "an expired password is refused");
    assertEquals(FailInfo.badRequest, refused.getFailInfo());

    // handing out the next password clears the expired one, so this shift moves only the next
    String nearlyAnHour = password(page(get(admin, USER + ":" + PASSWORD)));
    handedOutAgo(scep, 59);
    JscepDevice onTime = JscepDevice.named("on-time.example.test", nearlyAnHour);
    EnrollmentResponse issued =
        client.enrol(onTime.identity(), onTime.keyPair().getPrivate(), onTime.csr());
    assertTrue(issued.isSuccess(), () -> "a password 59 minutes old works" + scep.failures());
    assertEquals(1, scep.issued().size());
  }

  /**
   * A template whose challenges are NDES one-time passwords only (no static passphrase), handed out
   * to the Basic credentials {@link #USER} and {@link #PASSWORD}.
   */
  private static ScepFixture ndesWithBasic(String caName) {
    ScepFixture scep = new ScepFixture(caName, "RSA");
    scep.set(
        "scep",
        Json.createObjectBuilder()
            .add("staticPassphrase", false)
            .add("ndes", true)
            .add("ndesBasicAuth", true));
    Api.Reply credentials =
        scep.owner.put(
            "/api/v1/templates/" + scep.templateId() + "/scep/ndes-credentials",
            Json.createObjectBuilder().add("username", USER).add("password", PASSWORD).build());
    assertEquals(204, credentials.status(), credentials::toString);
    return scep;
  }

  /** Ages the template's one outstanding password as if handed out {@code minutes} ago. */
  private static void handedOutAgo(ScepFixture scep, int minutes) {
    assertEquals(
        1,
        DatabaseClock.shift(
            DatabaseClock.Column.SCEP_CHALLENGE_EXPIRES_AT,
            scep.templateId(),
            Duration.ofMinutes(-minutes)),
        "one outstanding password");
  }

  private static String password(String page) {
    java.util.regex.Matcher found =
        java.util.regex.Pattern.compile("challenge password is: <B> ([0-9A-F]{16}) </B>")
            .matcher(page);
    assertTrue(found.find(), page);
    return found.group(1);
  }

  /**
   * Without Basic auth on the template, the owner's console session opens the page (the guide's
   * "SCEP Admin (Microsoft compatibility)" link); another user's session gets the no-permission
   * page.
   */
  @Test
  void theOwnersConsoleSessionOpensThePageAndAStrangersDoesNot() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP NDES console Root", "RSA");
    scep.set("scep", Json.createObjectBuilder().add("ndes", true));
    String admin = "/ndes/" + scep.templateId() + "/certsrv/mscep_admin/";

    ConsoleSession owner = new ConsoleSession(Api.BASE_URL);
    owner.signIn(scep.owner.username(), scep.owner.password());
    // the page is UTF-16LE; the session reads it as UTF-8, so drop the zero bytes
    String page = owner.get(admin).replace("\0", "");
    assertTrue(
        page.matches("(?s).*The enrollment challenge password is: <B> [0-9A-F]{16} </B>.*"), page);

    Api strangerAccount = Api.newUser();
    ConsoleSession stranger = new ConsoleSession(Api.BASE_URL);
    stranger.signIn(strangerAccount.username(), strangerAccount.password());
    String refused = stranger.get(admin).replace("\0", "");
    assertTrue(
        refused.contains("You do not have sufficient permission to enroll with SCEP."), refused);
  }

  private static HttpResponse<byte[]> get(String url, String userPassword) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (userPassword != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String page(HttpResponse<byte[]> reply) {
    assertEquals(200, reply.statusCode());
    return new String(reply.body(), StandardCharsets.UTF_16);
  }
}
