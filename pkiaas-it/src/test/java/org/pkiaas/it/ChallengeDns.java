package org.pkiaas.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The DNS the server under test asks: {@code pebble-challtestsrv} (Debian's {@code pebble}
 * package), the mock DNS server ACME implementations are tested against. It answers every A query
 * with 127.0.0.1, no AAAA query, and the TXT, CNAME and SERVFAIL answers set through its management
 * API, which the tests and the clients' hook scripts call. One process serves the whole test JVM;
 * one left running by an earlier, killed run is reused.
 */
final class ChallengeDns {

  /** Where the server sends its lookups ({@code -Dpkiaas.acme.dns.resolver}). */
  static final String ADDRESS =
      "127.0.0.1:" + System.getProperty("pkiaas.it.acme.dns-port", "5153");

  /** challtestsrv's management API, e.g. {@code POST /set-txt {"host": …, "value": …}}. */
  static final String MANAGEMENT =
      "http://127.0.0.1:" + System.getProperty("pkiaas.it.acme.dns-management-port", "5155");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Process process;

  private ChallengeDns() {}

  static synchronized void start() {
    if (process != null && process.isAlive() || answers()) {
      return;
    }
    try {
      Path log = Files.createTempFile("pebble-challtestsrv", ".log");
      process =
          new ProcessBuilder(
                  List.of(
                      "pebble-challtestsrv",
                      "-dns01",
                      ADDRESS,
                      "-management",
                      MANAGEMENT.substring("http://".length()),
                      "-defaultIPv4",
                      "127.0.0.1",
                      "-defaultIPv6",
                      "",
                      "-http01",
                      "",
                      "-https01",
                      "",
                      "-tlsalpn01",
                      ""))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
      for (int i = 0; i < 100 && !answers(); i++) {
        if (!started.isAlive()) {
          throw new IllegalStateException("pebble-challtestsrv stopped:\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
      if (!answers()) {
        throw new IllegalStateException("pebble-challtestsrv does not answer at " + MANAGEMENT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot run pebble-challtestsrv: is Debian's pebble installed? (bin/pkiaas-test installs it)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean answers() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(MANAGEMENT + "/dns-request-history"))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"probe.test.\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Adds a TXT value at {@code name} (e.g. {@code _acme-challenge.www.example.com}); earlier values
   * stay.
   */
  static void txt(String name, String value) {
    call("/set-txt", "{\"host\":\"" + fqdn(name) + "\",\"value\":\"" + value + "\"}");
  }

  /** Answers queries for {@code alias} with a CNAME to {@code target}. */
  static void cname(String alias, String target) {
    call("/set-cname", "{\"host\":\"" + fqdn(alias) + "\",\"target\":\"" + fqdn(target) + "\"}");
  }

  /** Answers A queries for {@code name} with {@code address} instead of the default 127.0.0.1. */
  static void a(String name, String address) {
    call("/add-a", "{\"host\":\"" + fqdn(name) + "\",\"addresses\":[\"" + address + "\"]}");
  }

  /** Answers every query for {@code name} with SERVFAIL, as a broken authoritative server would. */
  static void servfail(String name) {
    call("/set-servfail", "{\"host\":\"" + fqdn(name) + "\"}");
  }

  private static String fqdn(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private static void call(String path, String json) {
    start();
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A hook script for a client's DNS plugin: {@code publish-txt.sh NAME VALUE} publishes the record
   * through the management API with curl, as a real DNS provider's API would be called.
   */
  static Path publishScript(Path directory) throws IOException {
    Path script = directory.resolve("publish-txt.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n# publish-txt.sh NAME VALUE: adds a TXT record in pebble-challtestsrv\nset -e\n"
            + "name=\"${1%.}.\"\ncurl -fsS -d \"{\\\"host\\\":\\\"$name\\\",\\\"value\\\":\\\"$2\\\"}\" "
            + MANAGEMENT
            + "/set-txt\n");
    Files.setPosixFilePermissions(
        script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
