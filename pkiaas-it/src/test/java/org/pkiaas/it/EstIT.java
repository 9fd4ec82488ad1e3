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
 * certificate once the owner signs the request through the API. {@code pki --est --cert --key}
 * re-enrolls over client-certificate TLS (RFC 7030 §3.3.2), where a missing, foreign or revoked
 * client certificate is refused; a template may let client certificates of its CA enroll. curl
 * checks what pki does not send: csrattrs, a malformed CSR, an unknown label.
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
  void strongSwanReenrollsWithItsClientCertificateOnAnRsaCa() throws Exception {
    reenrollsWithPki(new EstFixture("EST reenroll RSA Root", "RSA"), "rsa:2048");
  }

  @Test
  void strongSwanReenrollsWithItsClientCertificateOnAnEcCa() throws Exception {
    reenrollsWithPki(new EstFixture("EST reenroll EC Root", "EC"), "ec");
  }

  /**
   * simplereenroll (RFC 7030 §4.2.2) authenticated by the TLS client certificate being renewed
   * (§3.3.2): pki renews with a new key over client-certificate TLS; no certificate, a certificate
   * PKIaaS did not issue, and a revoked one are refused with 403; a CSR for other names with 400.
   */
  private void reenrollsWithPki(EstFixture est, String keyType) throws Exception {
    renewable(est);
    Path ca = est.caPem(dir);
    String userpass = est.username + ":" + est.password;
    Path csr = csr("vpn.example.test", keyType);
    Tools.Run enrolled = pkiEst(est, csr, userpass, ca, "vpn.pem");
    assertEquals(0, enrolled.exitCode(), enrolled.output());
    Path cert = dir.resolve("vpn.pem");
    Path key = dir.resolve("vpn.example.test.key");
    Files.copy(key, dir.resolve("vpn-old.key"));
    key = dir.resolve("vpn-old.key");

    // re-key: the CSR has a new key; the TLS handshake proves the old one
    Path rekeyed = csr("vpn.example.test", keyType);
    Path newKey = Files.copy(dir.resolve("vpn.example.test.key"), dir.resolve("vpn-new.key"));
    Tools.Run renewed =
        Tools.run(
            dir,
            pkiEstCommand(
                est,
                rekeyed,
                null,
                ca,
                "renewed.pem",
                "--cert",
                cert.toString(),
                "--key",
                key.toString()));
    assertEquals(0, renewed.exitCode(), renewed.output());
    Path certificate = dir.resolve("renewed.pem");
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-CAfile", ca.toString(), certificate.toString())
            .contains(": OK"));
    assertNotEquals(serial(cert), serial(certificate));
    assertTrue(
        Tools.ok(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-subject")
            .contains("CN = vpn.example.test"));
    assertEquals(
        publicKey(newKey),
        Tools.ok(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-pubkey"),
        "the renewed certificate has the CSR's new key");
    assertEquals(2, est.issued().size());

    // without a client certificate, Basic credentials renew nothing
    Path another = csr("vpn.example.test", keyType);
    assertTrue(reenroll(est, another, userpass).startsWith("403 "), "no client certificate");
    // a certificate PKIaaS did not issue, with the same subject: 403
    Path foreignKey = dir.resolve("foreign.key");
    Path foreign = dir.resolve("foreign.pem");
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        foreignKey.toString(),
        "-out",
        foreign.toString(),
        "-subj",
        "/CN=vpn.example.test",
        "-days",
        "2");
    String refused =
        reenroll(est, another, null, "--cert", foreign.toString(), "--key", foreignKey.toString());
    assertTrue(refused.startsWith("403 ") && refused.contains("not issued by"), refused);
    // the renewed certificate asking for other names: 400
    Path otherNames = csr("other.example.test", keyType);
    String renamed =
        reenroll(
            est, otherNames, null, "--cert", certificate.toString(), "--key", newKey.toString());
    assertTrue(renamed.startsWith("400 "), renamed);
    // once revoked, the certificate renews nothing
    String id =
        est.issued().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("serialNumber").equals(serialHex(certificate)))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertEquals(
        200,
        est.owner
            .post(
                "/api/v1/certificates/" + id + "/revoke",
                Json.createObjectBuilder().add("reason", "superseded").build())
            .status());
    String revoked =
        reenroll(est, another, null, "--cert", certificate.toString(), "--key", newKey.toString());
    assertTrue(revoked.startsWith("403 ") && revoked.contains("revoked"), revoked);
    assertEquals(2, est.issued().size(), "refused re-enrollments issue nothing");
    assertTrue(
        est.owner.get("/api/v1/audit?size=50").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("action").equals("est.reenroll")
                        && e.getString("detail", "").startsWith("403")),
        "the refused client certificate is in the owner's audit log");
  }

  @Test
  void aClientCertificateOfTheCaEnrollsWhereTheTemplateAllowsIt() throws Exception {
    EstFixture est = new EstFixture("EST client certificate EC Root", "EC");
    Path ca = est.caPem(dir);
    Tools.Run enrolled =
        pkiEst(
            est,
            csr("gateway.example.test", "ec"),
            est.username + ":" + est.password,
            ca,
            "gw.pem");
    assertEquals(0, enrolled.exitCode(), enrolled.output());
    String[] client = {
      "--cert",
      dir.resolve("gw.pem").toString(),
      "--key",
      dir.resolve("gateway.example.test.key").toString()
    };
    Path csr = csr("sensor.example.test", "ec");
    String off = enroll(est, csr, client);
    assertTrue(off.startsWith("401 "), "the template does not take certificates yet: " + off);

    est.set(
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("label", est.label)
            .add("clientCertificate", true));
    String on = enroll(est, csr, client);
    assertTrue(on.startsWith("200 "), on);
    assertEquals(2, est.issued().size());
    assertTrue(
        est.owner
            .get("/api/v1/templates/" + est.templateId)
            .json()
            .getJsonObject("est")
            .getBoolean("clientCertificate"));
    Path foreignKey = dir.resolve("foreign.key");
    Path foreign = dir.resolve("foreign.pem");
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        foreignKey.toString(),
        "-out",
        foreign.toString(),
        "-subj",
        "/CN=gateway.example.test",
        "-days",
        "2");
    String refused =
        enroll(
            est,
            csr("sensor2.example.test", "ec"),
            "--cert",
            foreign.toString(),
            "--key",
            foreignKey.toString());
    assertTrue(refused.startsWith("403 "), refused);
    assertEquals(2, est.issued().size());
  }

  private void renewable(EstFixture est) {
    int days =
        est.owner
            .get("/api/v1/templates/" + est.templateId)
            .json()
            .getJsonObject("general")
            .getInt("validityDays");
    Api.Reply renewable =
        est.owner.changeGeneral(
            est.templateId,
            general ->
                general
                    .add("renewalAllowed", true)
                    .add("renewalCopySubject", false)
                    .add("renewalWindowDays", days));
    assertEquals(200, renewable.status(), renewable::toString);
  }

  /** curl's simplereenroll: "status body". */
  private String reenroll(EstFixture est, Path csrDer, String userpass, String... tls)
      throws Exception {
    return post(est.wellKnown("simplereenroll"), csrDer, userpass, tls);
  }

  /** curl's simpleenroll without Basic credentials: "status body". */
  private String enroll(EstFixture est, Path csrDer, String... tls) throws Exception {
    return post(est.wellKnown("simpleenroll"), csrDer, null, tls);
  }

  private String post(String url, Path csrDer, String userpass, String... tls) throws Exception {
    Path body = dir.resolve(csrDer.getFileName() + ".b64");
    Files.write(body, java.util.Base64.getMimeEncoder().encode(Files.readAllBytes(csrDer)));
    String[] auth = userpass == null ? new String[0] : new String[] {"-u", userpass};
    Path out = dir.resolve("answer.txt");
    Tools.Run run =
        Tools.run(
            dir,
            concat(
                new String[] {
                  "curl", "-sS", "--cacert", InstallationCa.ofTestServers().toString(),
                },
                auth,
                tls,
                new String[] {
                  "-H",
                  "Content-Type: application/pkcs10",
                  "--data-binary",
                  "@" + body,
                  "-o",
                  out.toString(),
                  "-w",
                  "%{http_code}",
                  url
                }));
    assertEquals(0, run.exitCode(), run.output());
    return run.output().trim() + " " + read(out);
  }

  /** The serial number as the API shows it: lower-case hex without leading zeros. */
  private String serialHex(Path pem) {
    String hex = serial(pem).trim().replaceFirst("^serial=", "");
    return new java.math.BigInteger(hex, 16).toString(16);
  }

  private String publicKey(Path key) {
    return Tools.ok(dir, "openssl", "pkey", "-in", key.toString(), "-pubout");
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
          "--outform",
          "pem"
        },
        userpass == null ? new String[0] : new String[] {"--userpass", userpass},
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
