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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The very first start, without {@code PKIAAS_ADMIN_PASSWORD}: a WildFly of its own (the prepared
 * H2 server with a fresh base directory, so a fresh database) generates the administrator's
 * password into an owner-only file, never into a log, and the first sign-in must change it.
 */
class FirstStartIT {

  private static final int OFFSET =
      Integer.parseInt(System.getProperty("pkiaas.it.port-offset", "100")) + 50;
  private static final String BASE_URL = "http://127.0.0.1:" + (8080 + OFFSET);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
  void theGeneratedPasswordIsInAnOwnerOnlyFileAndMustBeChanged() throws Exception {
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
  }

  /**
   * Starts WildFly from the prepared H2 server with a base directory of its own, and waits for the
   * deployment.
   */
  private void start(Path base, Path console) throws IOException, InterruptedException {
    Path home =
        Path.of(System.getProperty("pkiaas.it.servers", "target/servers"))
            .resolve("h2")
            .toAbsolutePath();
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
