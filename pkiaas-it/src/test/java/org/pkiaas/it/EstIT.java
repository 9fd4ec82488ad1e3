package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EST (RFC 7030, issue 22) over the test server's HTTPS listener, driven by strongSwan's pki
 * (Debian's strongswan-pki with the standard plugins): {@code pki --estca} fetches the CA
 * certificate and {@code pki --est} enrolls with the template's EST username and password, on an
 * RSA CA and on an EC CA; {@code openssl verify} accepts each certificate. A wrong password gets
 * 401 and nothing; a template that needs approval answers 202 while pki polls, and pki receives the
 * certificate once the owner signs the request through the API. curl checks what pki does not send:
 * csrattrs, a malformed CSR, an unknown label.
 */
class EstIT extends ServerIT {

  static final String HTTPS_URL =
      "https://localhost:" + (8443 + Integer.getInteger("pkiaas.it.port-offset", 100));

  @TempDir Path dir;

  /** A CA and a template with EST on under a fresh label, with its Basic credentials. */
  static final class EstFixture {
    final Api owner = Api.newUser();
    final String caId;
    final String templateId;
    final String label = "est-" + UUID.randomUUID().toString().substring(0, 8);
    final String username = "router";
    final String password;

    EstFixture(String caName, String keyType) {
      caId = ScepFixture.newCa(owner, caName, keyType);
      templateId =
          owner
              .post(
                  "/api/v1/cas/" + caId + "/templates",
                  Json.createObjectBuilder()
                      .add("name", "EST")
                      .add("starter", "WEB_SERVER")
                      .build())
              .json()
              .getString("id");
      set(Json.createObjectBuilder().add("enabled", true).add("label", label));
      Api.Reply credentials =
          owner.post(
              "/api/v1/templates/" + templateId + "/est/credentials",
              Json.createObjectBuilder().add("username", username).build());
      assertEquals(200, credentials.status(), credentials::toString);
      password = credentials.json().getString("password");
    }

    void set(JsonObjectBuilder est) {
      Api.Reply updated =
          owner.put(
              "/api/v1/templates/" + templateId,
              Json.createObjectBuilder().add("est", est).build());
      assertEquals(200, updated.status(), updated::toString);
    }

    /** The base URL strongSwan's pki appends {@code /.well-known/est/<operation>} to. */
    String baseUrl() {
      return HTTPS_URL + "/est/" + label;
    }

    String wellKnown(String operation) {
      return HTTPS_URL + "/.well-known/est/" + label + "/" + operation;
    }

    Path caPem(Path dir) throws Exception {
      Path file = dir.resolve("ca-" + label + ".pem");
      Files.writeString(file, owner.get("/api/v1/cas/" + caId).json().getString("certificatePem"));
      return file;
    }

    jakarta.json.JsonArray issued() {
      return owner.get("/api/v1/cas/" + caId + "/certificates?templateId=" + templateId).array();
    }
  }

  @Test
  void strongSwanFetchesTheCaAndEnrollsOnAnRsaCa() throws Exception {
    enrollsWithPki(new EstFixture("EST strongSwan RSA Root", "RSA"), "rsa:2048");
  }

  @Test
  void strongSwanFetchesTheCaAndEnrollsOnAnEcCa() throws Exception {
    enrollsWithPki(new EstFixture("EST strongSwan EC Root", "EC"), "ec");
  }

  private void enrollsWithPki(EstFixture est, String keyType) throws Exception {
    String trust = InstallationCa.ofTestServers().toString();
    Tools.ok(
        dir,
        "pki",
        "--estca",
        "--url",
        est.baseUrl(),
        "--cacert",
        trust,
        "--caout",
        "fetched.pem",
        "--outform",
        "pem");
    Path ca = est.caPem(dir);
    assertEquals(
        fingerprint(ca),
        fingerprint(dir.resolve("fetched.pem")),
        "cacerts is the CA's certificate");

    Path csr = csr("device.example.test", keyType);
    Tools.Run refused =
        pkiEst(est, csr, est.username + ":wrong-" + est.password, ca, "refused.pem");
    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("401"), refused.output());
    assertEquals(0, est.issued().size(), "a wrong password issues nothing");

    Tools.Run enrolled = pkiEst(est, csr, est.username + ":" + est.password, ca, "device.pem");
    assertEquals(0, enrolled.exitCode(), enrolled.output());
    Path certificate = dir.resolve("device.pem");
    String verified =
        Tools.ok(dir, "openssl", "verify", "-CAfile", ca.toString(), certificate.toString());
    assertTrue(verified.contains(": OK"), verified);
    String text =
        Tools.ok(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-subject");
    assertTrue(text.contains("CN = device.example.test"), text);
    assertEquals(1, est.issued().size());
    assertTrue(
        est.owner.get("/api/v1/audit?size=50").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("action").equals("est.enroll")
                        && e.getString("detail", "").startsWith("401")),
        "the refused password is in the owner's audit log");
  }

  @Test
  void strongSwanReenrollsWithTheRenewedCertificatesKey() throws Exception {
    EstFixture est = new EstFixture("EST reenroll RSA Root", "RSA");
    JsonObject general =
        est.owner.get("/api/v1/templates/" + est.templateId).json().getJsonObject("general");
    Api.Reply renewable =
        est.owner.put(
            "/api/v1/templates/" + est.templateId,
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(general)
                        .add("renewalAllowed", true)
                        .add("renewalCopySubject", false)
                        .add("renewalWindowDays", general.getInt("validityDays")))
                .build());
    assertEquals(200, renewable.status(), renewable::toString);
    Path ca = est.caPem(dir);
    String userpass = est.username + ":" + est.password;
    Path csr = csr("vpn.example.test", "rsa:2048");
    Tools.Run enrolled = pkiEst(est, csr, userpass, ca, "vpn.pem");
    assertEquals(0, enrolled.exitCode(), enrolled.output());

    Tools.Run renewed =
        Tools.run(
            dir,
            pkiEstCommand(
                est,
                csr,
                userpass,
                ca,
                "renewed.pem",
                "--cert",
                dir.resolve("vpn.pem").toString(),
                "--key",
                dir.resolve("vpn.example.test.key").toString()));
    assertEquals(0, renewed.exitCode(), renewed.output());
    Path certificate = dir.resolve("renewed.pem");
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-CAfile", ca.toString(), certificate.toString())
            .contains(": OK"));
    assertNotEquals(serial(dir.resolve("vpn.pem")), serial(certificate));
    assertTrue(
        Tools.ok(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-subject")
            .contains("CN = vpn.example.test"));
    assertEquals(2, est.issued().size());

    // a CSR of another key renews nothing: the key must be the renewed certificate's
    Path stranger = csr("vpn2.example.test", "rsa:2048");
    Tools.Run refused = reenrollCurl(est, stranger, userpass);
    assertTrue(refused.output().startsWith("403"), refused.output());
  }

  private Tools.Run reenrollCurl(EstFixture est, Path csrDer, String userpass) throws Exception {
    Path body = dir.resolve(csrDer.getFileName() + ".b64");
    Files.write(body, java.util.Base64.getMimeEncoder().encode(Files.readAllBytes(csrDer)));
    return Tools.run(
        dir,
        "curl",
        "-sS",
        "--cacert",
        InstallationCa.ofTestServers().toString(),
        "-u",
        userpass,
        "-H",
        "Content-Type: application/pkcs10",
        "--data-binary",
        "@" + body,
        "-w",
        "%{http_code} ",
        "-o",
        "/dev/null",
        est.wellKnown("simplereenroll"));
  }

  private String serial(Path pem) {
    return Tools.ok(dir, "openssl", "x509", "-in", pem.toString(), "-noout", "-serial");
  }

  @Test
  void aPendingRequestIsSignedWhilePkiPolls() throws Exception {
    EstFixture est = new EstFixture("EST approval EC Root", "EC");
    est.set(
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("label", est.label)
            .add("approval", true));
    // pki 5.9.8 polls at /.well-known/est/simpleenroll, without its URL's path: the default label
    Api.Reply chosen =
        Api.admin()
            .put(
                "/api/v1/settings",
                Json.createObjectBuilder().add("estDefaultLabel", est.label).build());
    assertEquals(200, chosen.status(), chosen::toString);
    Path ca = est.caPem(dir);
    Path csr = csr("pending.example.test", "ec");
    Process pki =
        new ProcessBuilder(
                pkiEstCommand(
                    est,
                    csr,
                    est.username + ":" + est.password,
                    ca,
                    "pending.pem",
                    "--interval",
                    "2",
                    "--maxpolltime",
                    "120"))
            .directory(dir.toFile())
            .redirectError(dir.resolve("pki.log").toFile())
            .start();
    try {
      JsonObject request = pendingEstRequest(est, Instant.now().plusSeconds(60));
      assertEquals("PENDING", request.getString("status"));
      Api.Reply sign =
          est.owner.post(
              "/api/v1/requests/" + request.getString("id") + "/sign",
              Json.createObjectBuilder().build());
      assertEquals(200, sign.status(), sign::toString);
      assertTrue(pki.waitFor(90, TimeUnit.SECONDS), "pki receives the signed certificate");
      assertEquals(0, pki.exitValue(), () -> read(dir.resolve("pki.log")));
    } finally {
      pki.destroyForcibly();
    }
    String verified =
        Tools.ok(
            dir,
            "openssl",
            "verify",
            "-CAfile",
            ca.toString(),
            dir.resolve("pending.pem").toString());
    assertTrue(verified.contains(": OK"), verified);
  }

  @Test
  void curlSeesCsrAttrsAndPlainTextErrors() throws Exception {
    EstFixture est = new EstFixture("EST curl RSA Root", "RSA");
    String trust = InstallationCa.ofTestServers().toString();
    String attrs = Tools.ok(dir, "curl", "-sS", "--cacert", trust, est.wellKnown("csrattrs"));
    Files.write(dir.resolve("attrs.b64"), attrs.getBytes(StandardCharsets.US_ASCII));
    String parsed =
        Tools.ok(
            dir, "sh", "-c", "openssl base64 -d -A -in attrs.b64 | openssl asn1parse -inform der");
    assertTrue(parsed.contains("rsaEncryption"), parsed);
    assertTrue(parsed.contains("id-ecPublicKey"), parsed);

    Files.writeString(dir.resolve("junk.b64"), "bm90IGEgQ1NS\n");
    String bad =
        Tools.ok(
            dir,
            "curl",
            "-sS",
            "--cacert",
            trust,
            "-u",
            est.username + ":" + est.password,
            "-H",
            "Content-Type: application/pkcs10",
            "--data-binary",
            "@junk.b64",
            "-w",
            "\n%{http_code} %{content_type}",
            est.wellKnown("simpleenroll"));
    assertTrue(bad.endsWith("400 text/plain;charset=UTF-8"), bad);
    assertTrue(bad.contains("CSR"), bad);

    String anonymous =
        Tools.ok(
            dir,
            "curl",
            "-sS",
            "--cacert",
            trust,
            "-D",
            "-",
            "-H",
            "Content-Type: application/pkcs10",
            "--data-binary",
            "@junk.b64",
            est.wellKnown("simpleenroll"));
    assertTrue(anonymous.matches("(?s)HTTP/\\S+ 401.*"), anonymous);
    assertTrue(anonymous.toLowerCase().contains("www-authenticate: basic realm="), anonymous);

    String unknown =
        Tools.ok(
            dir,
            "curl",
            "-sS",
            "--cacert",
            trust,
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            HTTPS_URL + "/.well-known/est/no-such-label/cacerts");
    assertEquals("404", unknown);
  }

  private JsonObject pendingEstRequest(EstFixture est, Instant deadline) throws Exception {
    while (Instant.now().isBefore(deadline)) {
      var found =
          est.owner.get("/api/v1/cas/" + est.caId + "/requests?status=PENDING").array().stream()
              .map(JsonValue::asJsonObject)
              .filter(r -> r.getString("kind").equals("EST"))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(Duration.ofMillis(500).toMillis());
    }
    throw new AssertionError("no pending EST request; pki said: " + read(dir.resolve("pki.log")));
  }

  private Tools.Run pkiEst(EstFixture est, Path csr, String userpass, Path ca, String out) {
    return Tools.run(dir, pkiEstCommand(est, csr, userpass, ca, out, "--maxpolltime", "10"));
  }

  /** {@code pki --est} writing the certificate (PEM) to {@code out}, with {@code extra} options. */
  private static String[] pkiEstCommand(
      EstFixture est, Path csr, String userpass, Path ca, String out, String... extra) {
    return concat(
        new String[] {
          "sh",
          "-c",
          "exec pki \"$@\" > " + out,
          "pki",
          "--est",
          "--url",
          est.baseUrl(),
          "--in",
          csr.toString(),
          "--cacert",
          InstallationCa.ofTestServers().toString(),
          "--cacert",
          ca.toString(),
          "--userpass",
          userpass,
          "--outform",
          "pem"
        },
        extra);
  }

  /** A DER CSR made by openssl for {@code commonName}, with a {@code keyType} key. */
  private Path csr(String commonName, String keyType) {
    Path csr = dir.resolve(commonName + ".csr.der");
    String[] key =
        keyType.equals("ec")
            ? new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"}
            : new String[] {"-newkey", keyType};
    String[] command =
        concat(
            new String[] {"openssl", "req", "-new", "-nodes"},
            key,
            new String[] {
              "-keyout",
              dir.resolve(commonName + ".key").toString(),
              "-subj",
              "/CN=" + commonName,
              "-outform",
              "der",
              "-out",
              csr.toString()
            });
    Tools.ok(dir, command);
    return csr;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private String fingerprint(Path pem) {
    return Tools.ok(
        dir, "openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
