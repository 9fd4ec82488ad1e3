package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * User guide 2.5.3: an administrator pre-approves a certificate, and its holder claims it on
 * claim.html in a real browser (Debian's chromium, headless) — with a key the browser generates and
 * packs into a PKCS#12 file, or with a CSR of their own. OpenSSL then checks what they got.
 */
@RealClient
class ClaimInBrowserIT extends ServerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern PEM_CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----");

  @TempDir Path dir;

  private final Api owner = Api.newUser();
  private final JsonObject ca =
      owner
          .post(
              "/api/v1/cas", CertificateAuthoritiesIT.ca("Claim Root").add("keyType", "EC").build())
          .json();
  private final String caId = ca.getString("id");
  private final String clients =
      owner
          .post(
              "/api/v1/cas/" + caId + "/templates",
              Json.createObjectBuilder()
                  .add("name", "Clients")
                  .add("starter", "CLIENT_AUTHENTICATION")
                  .build())
          .json()
          .getString("id");

  private HeadlessChromium chromium;
  private WebDriver page;

  @BeforeEach
  void openBrowser() throws Exception {
    Files.writeString(
        dir.resolve("root.pem"), ca.getString("certificatePem"), StandardCharsets.US_ASCII);
    chromium = HeadlessChromium.start(dir.resolve("chromium"));
    page = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    chromium.close();
  }

  /** Pre-approves CN=alice with her e-mail address for 30 days and returns the claim token. */
  private String preApproveAlice() {
    Api.Reply reply =
        owner.post(
            "/api/v1/templates/" + clients + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=alice")
                .add("subjectAltNames", Json.createArrayBuilder().add("EMAIL:alice@example.test"))
                .add("validityDays", 30)
                .build());
    assertEquals(201, reply.status(), reply::toString);
    JsonObject created = reply.json();
    String token = created.getString("claimToken");
    assertEquals(
        Api.BASE_URL + "/claim.html#" + token,
        created.getString("claimUrl"),
        "the token travels in the fragment");
    return token;
  }

  private void openClaim(String token) {
    page.get(Api.BASE_URL + "/claim.html#" + token);
  }

  private String text(String id) {
    return page.findElement(By.id(id)).getText();
  }

  private String value(String id) {
    return page.findElement(By.id(id)).getDomProperty("value");
  }

  private boolean shown(String id) {
    return page.findElement(By.id(id)).isDisplayed();
  }

  /** Waits until the page shows what was pre-approved, or fails with the error it shows instead. */
  private void awaitApproved() {
    new WebDriverWait(page, PATIENCE).until(d -> shown("approved") || shown("error"));
    assertFalse(shown("error"), () -> "the page shows an error: " + text("error"));
  }

  /** Waits until the page shows the certificate, or fails with the error it shows instead. */
  private void awaitCertificate() {
    new WebDriverWait(page, PATIENCE).until(d -> shown("result") || shown("error"));
    assertFalse(shown("error"), () -> "the page shows an error: " + text("error"));
  }

  private void type(String id, String text) {
    page.findElement(By.id(id)).clear();
    page.findElement(By.id(id)).sendKeys(text);
  }

  private byte[] publicKeyOf(String keyFile) throws Exception {
    Tools.ok(
        dir,
        "openssl",
        "pkey",
        "-in",
        keyFile,
        "-pubout",
        "-outform",
        "DER",
        "-out",
        keyFile + ".spki");
    return Files.readAllBytes(dir.resolve(keyFile + ".spki"));
  }

  private static void assertIsAlice(X509CertificateHolder certificate) {
    assertEquals("CN=alice", certificate.getSubject().toString(), "the pre-approved subject");
    GeneralName[] names =
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
            .getNames();
    assertEquals(
        List.of("1: alice@example.test"),
        Arrays.stream(names).map(GeneralName::toString).toList(),
        "only the pre-approved alternative name");
  }

  @Test
  void keyGeneratedInTheBrowserComesBackAsPkcs12() throws Exception {
    String token = preApproveAlice();
    openClaim(token);
    awaitApproved();
    assertEquals("CN=alice", text("claim-subject"));
    assertTrue(text("claim-sans").contains("alice@example.test"), text("claim-sans"));
    assertEquals("30 days", text("claim-validity"));

    page.findElement(By.id("choice-generate")).click();
    type("password", "short");
    page.findElement(By.id("generate-submit")).click();
    assertTrue(
        text("password-error").contains("at least 8 characters"),
        "a short password is refused in the page");
    String password = "Alice's p12 " + UUID.randomUUID().toString().substring(0, 8);
    type("password", password);
    type("password-confirmation", password);
    page.findElement(By.id("generate-submit")).click();
    awaitCertificate();
    page.findElement(By.id("download-p12")).click();
    Path p12 = chromium.awaitDownload("certificate.p12", PATIENCE);
    Files.copy(p12, dir.resolve("certificate.p12"));

    String all =
        Tools.ok(
            dir,
            "openssl",
            "pkcs12",
            "-in",
            "certificate.p12",
            "-passin",
            "pass:" + password,
            "-nodes");
    assertEquals(1, all.split("-----BEGIN PRIVATE KEY-----", -1).length - 1, all);
    assertEquals(2, PEM_CERTIFICATE.matcher(all).results().count(), all);
    Tools.ok(
        dir,
        "openssl",
        "pkcs12",
        "-in",
        "certificate.p12",
        "-passin",
        "pass:" + password,
        "-nocerts",
        "-nodes",
        "-out",
        "key.pem");
    Tools.ok(
        dir,
        "openssl",
        "pkcs12",
        "-in",
        "certificate.p12",
        "-passin",
        "pass:" + password,
        "-clcerts",
        "-nokeys",
        "-out",
        "leaf.pem");
    assertTrue(
        Tools.ok(dir, "openssl", "pkey", "-in", "key.pem", "-noout", "-text")
            .contains("Private-Key: (2048 bit"));
    X509CertificateHolder leaf = Pki.certificate(Files.readString(dir.resolve("leaf.pem")));
    assertIsAlice(leaf);
    assertEquals(
        Duration.ofDays(30),
        Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
    assertTrue(
        Tools.ok(
                dir,
                "openssl",
                "verify",
                "-CAfile",
                "root.pem",
                "-purpose",
                "sslclient",
                "leaf.pem")
            .contains("leaf.pem: OK"));
    Tools.Run wrong =
        Tools.run(
            dir,
            "openssl",
            "pkcs12",
            "-in",
            "certificate.p12",
            "-passin",
            "pass:not " + password,
            "-noout");
    assertNotEquals(0, wrong.exitCode(), "a wrong password opens nothing");
    assertTrue(wrong.output().contains("Mac verify error"), wrong.output());

    // The private key never left the browser: the page sent a CSR and nothing else, and the
    // certificate PKIaaS issued and keeps certifies the key inside the PKCS#12 file.
    List<JsonObject> requests = chromium.sentRequests();
    assertTrue(
        requests.stream().noneMatch(r -> r.getString("url").contains(token)),
        "the token is in no URL the page called");
    assertTrue(
        requests.stream()
            .filter(r -> r.getString("url").endsWith("/api/v1/claims"))
            .allMatch(
                r ->
                    r.getJsonObject("headers").entrySet().stream()
                        .anyMatch(
                            h ->
                                h.getKey().equalsIgnoreCase("Claim-Token")
                                    && token.equals(
                                        ((jakarta.json.JsonString) h.getValue()).getString()))),
        "but in a header");
    List<String> sent = HeadlessChromium.postedBodies(requests, "/api/v1/claims");
    assertEquals(1, sent.size(), sent::toString);
    JsonObject body = Json.createReader(new StringReader(sent.get(0))).readObject();
    assertEquals(Set.of("csr"), body.keySet(), "only a CSR");
    assertFalse(sent.get(0).contains("PRIVATE KEY"));
    Api.Reply issued = owner.get("/api/v1/cas/" + caId + "/certificates?templateId=" + clients);
    assertEquals(1, issued.total(), issued::toString);
    String serverCopy =
        owner
            .get(
                "/api/v1/certificates/" + issued.array().getJsonObject(0).getString("id"),
                "application/x-pem-file")
            .text();
    assertArrayEquals(
        publicKeyOf("key.pem"), Pki.certificate(serverCopy).getSubjectPublicKeyInfo().getEncoded());
    assertEquals(
        leaf,
        Pki.certificate(value("certificate-pem")),
        "the page shows the certificate it packed");

    assertProblem(ClaimsIT.offer(token), 409);
  }

  @Test
  void ownCsrPastedInThePageGetsThePreApprovedIdentity() throws Exception {
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "own.key",
        "-out",
        "own.csr",
        "-subj",
        "/CN=mallory/O=Elsewhere",
        "-addext",
        "subjectAltName=DNS:mallory.example.test");
    String token = preApproveAlice();
    openClaim(token);
    awaitApproved();
    page.findElement(By.id("choice-csr")).click();
    assertFalse(shown("generate-form"));
    type("csr", Files.readString(dir.resolve("own.csr")));
    page.findElement(By.id("csr-submit")).click();
    awaitCertificate();

    assertFalse(shown("p12-download"), "no key, no PKCS#12");
    X509CertificateHolder certificate = Pki.certificate(value("certificate-pem"));
    assertIsAlice(certificate);
    assertArrayEquals(
        publicKeyOf("own.key"),
        certificate.getSubjectPublicKeyInfo().getEncoded(),
        "the CSR's key is certified");
    assertEquals(
        Pki.certificate(ca.getString("certificatePem")),
        Pki.certificates(value("chain-pem")).get(0));
    page.findElement(By.id("download-pem")).click();
    Files.copy(chromium.awaitDownload("certificate.pem", PATIENCE), dir.resolve("certificate.pem"));
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-CAfile", "root.pem", "certificate.pem")
            .contains("certificate.pem: OK"));

    String used = assertProblem(ClaimsIT.offer(token), 409).getString("detail");
    page.navigate().refresh();
    new WebDriverWait(page, PATIENCE).until(d -> shown("error"));
    assertEquals(used, text("error"), "opening a used claim says so in the server's words");
    assertFalse(shown("choices"));
  }

  @Test
  void unknownTokenShowsTheServersDetail() {
    String token = "no-such-claim-" + UUID.randomUUID();
    String notFound = assertProblem(ClaimsIT.offer(token), 404).getString("detail");
    openClaim(token);
    new WebDriverWait(page, PATIENCE).until(d -> shown("error"));
    assertEquals(notFound, text("error"));
    assertFalse(shown("approved"));
    assertFalse(shown("choices"));
  }
}
