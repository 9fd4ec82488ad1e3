package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * The very first start, as a newcomer meets it, on a WildFly of its own (the prepared H2 server
 * with a fresh base directory, so a fresh database) whose public URL is HTTPS, as bin/pkiaas-start
 * makes it: without {@code PKIAAS_ADMIN_PASSWORD} it generates the administrator's password into an
 * owner-only file, never into a log, and the first sign-in must change it (issue 12); the first CA
 * comes with where the master key is and that it needs a backup, once (issue 15); and certbot, lego
 * and acme4j get certificates from the HTTPS ACME directory trusting only the installation CA
 * (issue 16), which a client trusting the JDK's public CAs refuses. Pre-approved names keep the
 * ACME part free of validation: what is tested here is TLS to every ACME URL.
 */
class FirstStartIT {

  private static final int OFFSET =
      Integer.parseInt(System.getProperty("pkiaas.it.port-offset", "100")) + 50;
  private static final String BASE_URL = "https://localhost:" + (8443 + OFFSET);
  private static final String PKI_URL = "http://localhost:" + (8080 + OFFSET);
  private static final Path SERVERS =
      Path.of(System.getProperty("pkiaas.it.servers", "target/servers")).toAbsolutePath();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .sslContext(InstallationCa.trustingOnly(InstallationCa.ofTestServers()))
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @TempDir Path dir;

  private Process server;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      var children = server.descendants().toList();
      children.forEach(ProcessHandle::destroy);
      server.destroy();
      for (ProcessHandle child : children) {
        child.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
      server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void aNewcomersFirstStartOverHttps() throws Exception {
    Path base = dir.resolve("base");
    Path console = dir.resolve("console.log");
    start(base, console);

    Path file = base.resolve("data/pkiaas/initial-admin-password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Matcher content =
        Pattern.compile("username=admin\npassword=(\\S{20})\n").matcher(Files.readString(file));
    assertTrue(content.matches(), "the file holds the username and the password");
    String password = content.group(1);
    String serverLog = Files.readString(base.resolve("log/server.log"));
    String consoleLog = Files.readString(console);
    assertFalse(serverLog.contains(password), "the password is not in server.log");
    assertFalse(consoleLog.contains(password), "nor on the console");
    assertTrue(serverLog.contains(file.toString()), "the log says where it is");

    HttpResponse<String> refused = send("GET", "/api/v1/cas", "admin", password, null);
    assertEquals(403, refused.statusCode(), refused::body);
    assertTrue(refused.body().contains("must be changed"), refused.body());
    HttpResponse<String> changed =
        send(
            "PUT",
            "/api/v1/accounts/me/password",
            "admin",
            password,
            "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"the-operators-own-1\"}");
    assertEquals(204, changed.statusCode(), changed::body);
    assertFalse(Files.exists(file), "the file goes with the password it held");
    assertEquals(
        200, send("GET", "/api/v1/cas", "admin", "the-operators-own-1", null).statusCode());
    assertEquals(401, send("GET", "/api/v1/cas", "admin", password, null).statusCode());

    String caId = theFirstCaRemindsOfTheMasterKeyOnce(base, "the-operators-own-1");
    acmeClientsTrustOnlyTheInstallationCa(caId, "the-operators-own-1");
  }

  /** The first CA's answer says where the master key is; the second's says nothing of it. */
  private String theFirstCaRemindsOfTheMasterKeyOnce(Path base, String password) throws Exception {
    HttpResponse<String> first = send("POST", "/api/v1/cas", "admin", password, ca("First Root"));
    assertEquals(201, first.statusCode(), first::body);
    JsonObject ca = json(first.body());
    String reminder = ca.getString("masterKeyBackup", "");
    assertTrue(
        reminder.contains(base.resolve("configuration/pkiaas/master.key").toString())
            && reminder.contains("Back the master key up"),
        first.body());
    HttpResponse<String> second = send("POST", "/api/v1/cas", "admin", password, ca("Second Root"));
    assertEquals(201, second.statusCode(), second::body);
    assertFalse(json(second.body()).containsKey("masterKeyBackup"), second.body());
    return ca.getString("id");
  }

  private void acmeClientsTrustOnlyTheInstallationCa(String caId, String password)
      throws Exception {
    String templateId =
        Json.createReader(
                new StringReader(
                    send("GET", "/api/v1/cas/" + caId + "/templates", "admin", password, null)
                        .body()))
            .readArray()
            .getJsonObject(0)
            .getString("id");
    HttpResponse<String> policy =
        send(
            "POST",
            "/api/v1/cas/" + caId + "/acme-policies",
            "admin",
            password,
            "{\"name\":\"First\",\"templateId\":\""
                + templateId
                + "\",\"preApprovedDomains\":\"*.first.test\"}");
    assertEquals(201, policy.statusCode(), policy::body);
    String policyId = json(policy.body()).getString("id");
    String directory = BASE_URL + "/pki/acme/directory";
    String trust = InstallationCa.ofTestServers().toString();
    String port = Integer.toString(5002 + OFFSET);

    JsonObject eab = eab(policyId, password);
    Tools.ok(
        dir,
        Map.of("REQUESTS_CA_BUNDLE", trust),
        "certbot",
        "--non-interactive",
        "--config-dir",
        dir.resolve("certbot").toString(),
        "--work-dir",
        dir.resolve("certbot").toString(),
        "--logs-dir",
        dir.resolve("certbot").toString(),
        "certonly",
        "--server",
        directory,
        "--standalone",
        "--http-01-port",
        port,
        "--agree-tos",
        "-m",
        "ops@first.test",
        "--eab-kid",
        eab.getString("kid"),
        "--eab-hmac-key",
        eab.getString("hmacKey"),
        "-d",
        "certbot.first.test");
    assertNames(dir.resolve("certbot/live/certbot.first.test/cert.pem"), "certbot.first.test");

    eab = eab(policyId, password);
    Tools.ok(
        dir,
        Map.of("LEGO_CA_CERTIFICATES", trust),
        "lego",
        "--server",
        directory,
        "--accept-tos",
        "--email",
        "ops@first.test",
        "--eab",
        "--kid",
        eab.getString("kid"),
        "--hmac",
        eab.getString("hmacKey"),
        "--path",
        dir.resolve("lego").toString(),
        "--http",
        "--http.port",
        ":" + port,
        "--domains",
        "lego.first.test",
        "run");
    assertNames(dir.resolve("lego/certificates/lego.first.test.crt"), "lego.first.test");

    eab = eab(policyId, password);
    Login login =
        new AccountBuilder()
            .agreeToTermsOfService()
            .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
            .useKeyPair(AcmeFixture.accountKey())
            .createLogin(new Session(URI.create(directory), new TrustingInstallationCa()));
    Order order = login.newOrder().domain("acme4j.first.test").create();
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(Duration.ofSeconds(30)));
    assertTrue(
        order.getCertificate().getCertificate().getSubjectAlternativeNames().stream()
            .anyMatch(n -> "acme4j.first.test".equals(n.get(1))));

    AcmeException refused =
        assertThrows(
            AcmeException.class,
            () -> new Session(directory).getMetadata(),
            "a client trusting only the public CAs must refuse the server");
    Throwable cause = refused;
    while (cause != null && !(cause instanceof javax.net.ssl.SSLHandshakeException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, refused::toString);
  }

  /**
   * acme4j's generic provider with an HTTP client whose only trust anchor is the installation CA.
   */
  private static final class TrustingInstallationCa extends GenericAcmeProvider {
    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
      return HttpClient.newBuilder()
          .sslContext(InstallationCa.trustingOnly(InstallationCa.ofTestServers()))
          .connectTimeout(settings.getTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
  }

  private JsonObject eab(String policyId, String password) throws Exception {
    HttpResponse<String> eab =
        send(
            "POST",
            "/api/v1/acme-policies/" + policyId + "/eabs",
            "admin",
            password,
            "{\"name\":\"eab-" + System.nanoTime() + "\",\"allowedUses\":1}");
    assertEquals(201, eab.statusCode(), eab::body);
    return json(eab.body());
  }

  private void assertNames(Path certificate, String name) {
    String text =
        Tools.ok(
            dir,
            "openssl",
            "x509",
            "-in",
            certificate.toString(),
            "-noout",
            "-ext",
            "subjectAltName");
    assertTrue(text.contains("DNS:" + name), text);
  }

  private static String ca(String commonName) {
    return CertificateAuthoritiesIT.ca(commonName + " " + System.nanoTime())
        .add("keyType", "EC")
        .build()
        .toString();
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /**
   * Starts WildFly from the prepared H2 server with a base directory of its own, and waits for the
   * deployment.
   */
  private void start(Path base, Path console) throws IOException, InterruptedException {
    Path home = SERVERS.resolve("h2");
    Files.createDirectories(base.resolve("configuration"));
    Files.createDirectories(base.resolve("deployments"));
    try (var files = Files.list(home.resolve("standalone/configuration"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, base.resolve("configuration").resolve(f.getFileName()));
      }
    }
    // The suite's own server may have recorded its deployment there; this server deploys from its
    // folder.
    Path config = base.resolve("configuration/standalone.xml");
    Files.writeString(
        config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
    Files.copy(
        Path.of(System.getProperty("pkiaas.it.ear", "target/deploy/pkiaas.ear")),
        base.resolve("deployments/pkiaas.ear"));

    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + OFFSET,
                "-Dpkiaas.public.url=" + BASE_URL,
                "-Dpkiaas.pki.url=" + PKI_URL,
                "-Dpkiaas.https.keystore=" + SERVERS.resolve("tls/https.p12"),
                "-Dpkiaas.https.keystore.password=pkiaas-it",
                "-Dpkiaas.jobs.timers.enabled=false")
            .redirectErrorStream(true)
            .redirectOutput(console.toFile());
    builder.environment().remove("PKIAAS_ADMIN_PASSWORD");
    builder.environment().remove("PKIAAS_ADMIN_USER");
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    server = builder.start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(console, StandardCharsets.UTF_8);
      if (output.contains("WFLYSRV0025")) {
        return;
      }
      if (output.contains("WFLYSRV0026") || !server.isAlive()) {
        throw new AssertionError("The server did not start cleanly:\n" + output);
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("The server did not start within four minutes");
  }

  private static HttpResponse<String> send(
      String method, String path, String user, String password, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
