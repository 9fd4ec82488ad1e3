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
import java.util.Base64;
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
    ScepFixture scep = new ScepFixture("SCEP NDES Root", "RSA");
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
