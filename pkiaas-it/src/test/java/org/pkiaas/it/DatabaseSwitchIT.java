package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's start command as a newcomer uses it: on H2, then on MariaDB (PKIAAS_DB_URL set),
 * then on H2 again, with one server and one data directory. Each time the banner must name the
 * database the application connected to, and the data must be in that database and only there. Runs
 * bin/pkiaas-start itself (on a WildFly of its own, ports 20 above the tests' servers), so failsafe
 * runs it once, in its own execution. The script serves HTTPS from the first start (issue 16): the
 * banner prints the HTTPS console address and the installation CA's fingerprint, the API is used
 * over HTTPS trusting only that CA, plain HTTP redirects the API there and keeps serving CA
 * certificates, which the CA's service URLs name.
 */
class DatabaseSwitchIT {

  private static final Path ROOT =
      Path.of(System.getProperty("pkiaas.it.root", "..")).toAbsolutePath().normalize();
  private static final Path WORK =
      Path.of(System.getProperty("pkiaas.it.start-dir", "target/start-script")).toAbsolutePath();
  private static final Path DEPLOY =
      Path.of(System.getProperty("pkiaas.it.ear", "target/deploy/pkiaas.ear"))
          .toAbsolutePath()
          .getParent();
  private static final int OFFSET = Integer.getInteger("pkiaas.it.port-offset", 100) + 20;
  private static final String DB = System.getProperty("pkiaas.it.db-name", "pkiaas_it") + "_start";
  private static final HttpClient PLAIN =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Path INSTALLATION_CA = WORK.resolve("data/tls/installation-ca.pem");

  /** Made after the first start, which makes the installation CA. */
  private static HttpClient https;

  private String stopCommand;

  @Test
  void theServerRunsOnTheDatabaseTheEnvironmentAsksFor() throws Exception {
    Path server = freshWildFly();
    Map<String, String> h2 = environment(server);
    Map<String, String> mariadb = new HashMap<>(h2);
    mariadb.put("PKIAAS_DB_URL", "jdbc:mariadb://127.0.0.1:3306/" + DB);
    mariadb.put("PKIAAS_DB_USER", "pkiaas_it");
    mariadb.put("PKIAAS_DB_PASSWORD", "pkiaas_it");

    String banner = start(h2);
    assertTrue(banner.contains("Database:       H2 "), banner);
    assertTrue(banner.contains("at jdbc:h2:" + WORK.resolve("data")), banner);
    assertTrue(banner.contains("pkiaas-start: class archive written"), banner);
    String fingerprint = assertHttpsBanner(banner);
    https =
        HttpClient.newBuilder()
            .sslContext(InstallationCa.trustingOnly(INSTALLATION_CA))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String h2Password = generatedPassword(banner);
    String onH2 = "On H2 " + UUID.randomUUID();
    String caId = createCa(h2Password, onH2);
    assertPlainHttpKeepsWhatCertificatesPointTo(h2Password, caId);
    stop();

    banner = start(mariadb);
    assertTrue(banner.contains("Database:       MariaDB "), banner);
    assertStartedFromTheClassArchive();
    assertEquals(fingerprint, assertHttpsBanner(banner), "the installation CA is kept");
    assertTrue(
        banner.matches("(?s).*at jdbc:mariadb://127\\.0\\.0\\.1(:3306)?/" + DB + "\\s.*"),
        banner); // the driver drops a default port
    String mariadbPassword = generatedPassword(banner); // a new database, a new administrator
    assertEquals(
        401, get(h2Password, "/api/v1/cas").statusCode(), "the H2 administrator exists on MariaDB");
    String onMariaDb = "On MariaDB " + UUID.randomUUID();
    createCa(mariadbPassword, onMariaDb);
    String cas = get(mariadbPassword, "/api/v1/cas").body();
    assertTrue(cas.contains(onMariaDb) && !cas.contains(onH2), cas);
    assertEquals(onMariaDb, caNamesInMariaDb().strip());
    stop();

    banner = start(h2);
    assertTrue(banner.contains("Database:       H2 "), banner);
    assertTrue(banner.contains("the administrator created at the first start"), banner);
    cas = get(h2Password, "/api/v1/cas").body();
    assertTrue(cas.contains(onH2) && !cas.contains(onMariaDb), cas);
    assertEquals(
        401,
        get(mariadbPassword, "/api/v1/cas").statusCode(),
        "the MariaDB administrator exists on H2");
    assertEquals(
        onMariaDb, caNamesInMariaDb().strip(), "the MariaDB data changed while running on H2");
    stop();
  }

  /**
   * A fresh clone has no WildFly laid out yet: the script must get past looking for one (it once
   * exited with status 2 and no word there) and, told not to build, say what to do.
   */
  @Test
  void aFreshCloneToldNotToBuildSaysWhatToDo(@org.junit.jupiter.api.io.TempDir Path clone)
      throws Exception {
    Files.createDirectories(clone.resolve("bin"));
    Files.copy(ROOT.resolve("bin/pkiaas-start"), clone.resolve("bin/pkiaas-start"));
    clone.resolve("bin/pkiaas-start").toFile().setExecutable(true);
    Process process =
        new ProcessBuilder("bin/pkiaas-start", "--no-build")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, process.waitFor(), said);
    assertTrue(said.contains("nothing built yet; run bin/pkiaas-start without --no-build"), said);
  }

  @AfterEach
  void stopWhatIsRunning() throws Exception {
    if (stopCommand != null) {
      stop();
    }
  }

  /**
   * A WildFly of the test's own, unpacked and not yet configured: the start script configures it.
   */
  private static Path freshWildFly() throws Exception {
    Tools.ok(ROOT, "rm", "-rf", WORK.toString());
    Files.createDirectories(WORK);
    Tools.ok(WORK, "unzip", "-q", DEPLOY.resolve("wildfly-dist.zip").toString());
    try (var entries = Files.list(WORK)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("wildfly-"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static Map<String, String> environment(Path server) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PKIAAS_WILDFLY_HOME", server.toString());
    environment.put("PKIAAS_DATA_DIR", WORK.resolve("data").toString());
    environment.put("PKIAAS_KEY_DIR", WORK.resolve("keys").toString());
    environment.put("PKIAAS_PORT_OFFSET", Integer.toString(OFFSET));
    environment.put("PKIAAS_MARIADB_DRIVER", DEPLOY.resolve("mariadb-java-client.jar").toString());
    environment.put("PKIAAS_BIND_ADDRESS", "127.0.0.1");
    return environment;
  }

  /**
   * Runs the README's start command (detached, on what the build made) and returns what it printed.
   */
  private String start(Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bin/pkiaas-start", "--detach", "--no-build")
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PKIAAS_"));
    builder.environment().putAll(environment);
    Instant began = Instant.now();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    Matcher stop = Pattern.compile("Stop it with: (.*)").matcher(output);
    assertTrue(stop.find(), output);
    stopCommand = stop.group(1);
    assertTrue(output.contains("PKIaaS is running"), output);
    System.out.println(
        "DatabaseSwitchIT: started in "
            + Duration.between(began, Instant.now()).toSeconds()
            + " s:\n"
            + output);
    return output;
  }

  /**
   * The first start after the build wrote the class archive; a later one maps it (the JVM's
   * options, which WildFly's script echoes) and takes classes from it (WildFly's log: none of the
   * JVM's warnings that it could not).
   */
  private static void assertStartedFromTheClassArchive() throws IOException {
    String console = Files.readString(WORK.resolve("data/server-console.log"));
    assertTrue(console.matches("(?s).*-XX:SharedArchiveFile=\\S+\\.jsa.*"), console);
    assertFalse(console.contains("[cds]"), console);
  }

  /** Runs the stop command the banner printed and waits until WildFly has stopped. */
  private void stop() throws Exception {
    String command = stopCommand;
    stopCommand = null;
    Tools.run(ROOT, Map.of("JAVA_OPTS", "-Xmx128m"), "bash", "-c", command);
    Path log = WORK.resolve("data/server-console.log");
    for (int i = 0; i < 120; i++) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains("WFLYSRV0050")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("WildFly did not stop after: " + command);
  }

  /**
   * Reads the generated password from the file the banner names, and changes it, as the first
   * sign-in must.
   */
  private static String generatedPassword(String banner) throws Exception {
    Matcher file =
        Pattern.compile("Sign in as: +admin with the password in (\\S+)").matcher(banner);
    assertTrue(file.find(), banner);
    Matcher generated =
        Pattern.compile("password=(\\S+)").matcher(Files.readString(Path.of(file.group(1))));
    assertTrue(generated.find());
    String chosen = "chosen-" + UUID.randomUUID();
    HttpResponse<String> changed =
        send(
            generated.group(1),
            HttpRequest.newBuilder(uri("/api/v1/accounts/me/password"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\": \""
                            + generated.group(1)
                            + "\", \"newPassword\": \""
                            + chosen
                            + "\"}")));
    assertEquals(204, changed.statusCode(), changed::body);
    return chosen;
  }

  /**
   * The banner names the HTTPS console and the installation CA with its SHA-256 fingerprint, which
   * is the fingerprint of the CA file; returns it.
   */
  private static String assertHttpsBanner(String banner) throws Exception {
    assertTrue(
        banner.contains(
            "Console:        https://localhost:" + (8443 + OFFSET) + "/manage/dashboard.xhtml"),
        banner);
    byte[] der =
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(Files.newInputStream(INSTALLATION_CA))
            .getEncoded();
    StringBuilder hex = new StringBuilder();
    for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(der)) {
      hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02X", b));
    }
    assertTrue(banner.contains("SHA-256 fingerprint " + hex), banner);
    return hex.toString();
  }

  /**
   * Plain HTTP sends the API to HTTPS (308, method kept) but serves CA certificates itself, and the
   * CA's service URLs are the plain HTTP ones; HTTPS answers carry HSTS.
   */
  private static void assertPlainHttpKeepsWhatCertificatesPointTo(String password, String caId)
      throws Exception {
    HttpResponse<String> redirected =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(plain("/api/v1/cas"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(308, redirected.statusCode());
    assertEquals(
        "https://localhost:" + (8443 + OFFSET) + "/api/v1/cas",
        redirected.headers().firstValue("Location").orElse(null));
    HttpResponse<String> caPem =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(plain("/pki/ca/" + caId + ".pem"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, caPem.statusCode());
    assertTrue(caPem.body().startsWith("-----BEGIN CERTIFICATE-----"), caPem::body);
    HttpResponse<String> installationCa =
        PLAIN.send(
            HttpRequest.newBuilder(URI.create(plain("/pki/installation-ca.pem"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, installationCa.statusCode());
    assertEquals(Files.readString(INSTALLATION_CA), installationCa.body(), "the banner's download");
    HttpResponse<String> urls = get(password, "/api/v1/cas/" + caId + "/urls");
    assertTrue(
        urls.body()
            .contains("\"http://localhost:" + (8080 + OFFSET) + "/pki/crl/" + caId + ".crl\""),
        urls::body);
    assertEquals(
        "max-age=31536000", urls.headers().firstValue("Strict-Transport-Security").orElse(null));
  }

  private static String plain(String path) {
    return "http://127.0.0.1:" + (8080 + OFFSET) + path;
  }

  private static String createCa(String password, String name) throws Exception {
    HttpResponse<String> created =
        send(
            password,
            HttpRequest.newBuilder(uri("/api/v1/cas"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"subject\": {\"commonName\": \"" + name + "\"}, \"keyType\": \"EC\"}")));
    assertEquals(201, created.statusCode(), created::body);
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
    assertTrue(id.find(), created::body);
    return id.group(1);
  }

  private static HttpResponse<String> get(String password, String path) throws Exception {
    return send(password, HttpRequest.newBuilder(uri(path)).GET());
  }

  private static HttpResponse<String> send(String password, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    return https.send(
        request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("https://localhost:" + (8443 + OFFSET) + path);
  }

  /** Read from MariaDB itself, not through PKIaaS. */
  private static String caNamesInMariaDb() {
    return Tools.ok(
        ROOT,
        "mariadb",
        "--protocol=socket",
        "-uroot",
        "-N",
        "-B",
        "-e",
        "SELECT name FROM `" + DB + "`.certificate_authority ORDER BY name");
  }
}
