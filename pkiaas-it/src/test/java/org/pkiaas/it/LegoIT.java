package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lego (Debian's; Traefik's ACME library) against the server: registration with EAB, a wildcard
 * certificate by dns-01 through its exec provider (a script that publishes the TXT record to the
 * DNS server the server asks, pebble-challtestsrv), and a certificate by http-01 with lego's own
 * responder.
 */
class LegoIT extends AcmeClientIT {

  private final AcmeFixture acme = new AcmeFixture("Lego Root " + System.nanoTime(), "");

  private String lego(Map<String, String> environment, String... arguments) {
    JsonObject eab = acme.eab();
    List<String> command =
        new ArrayList<>(
            List.of(
                "lego",
                "--server",
                AcmeFixture.DIRECTORY,
                "--accept-tos",
                "--email",
                "ops@example.com",
                "--eab",
                "--kid",
                eab.getString("kid"),
                "--hmac",
                eab.getString("hmacKey"),
                "--path",
                dir.resolve("lego").toString()));
    command.addAll(List.of(arguments));
    command.add("run");
    return Tools.ok(dir, environment, command.toArray(String[]::new));
  }

  @Test
  void aWildcardByDns01() throws Exception {
    Path publish = ChallengeDns.publishScript(dir);
    Path hook = dir.resolve("lego-exec.sh");
    Files.writeString(
        hook,
        "#!/bin/sh\n# lego's exec provider: present|cleanup FQDN VALUE\n"
            + "if [ \"$1\" = present ]; then exec "
            + publish
            + " \"$2\" \"$3\"; fi\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    String base = "w" + System.nanoTime() + ".lego.test";
    lego(
        Map.of(
            "EXEC_PATH",
            hook.toString(),
            "EXEC_PROPAGATION_TIMEOUT",
            "30",
            "EXEC_POLLING_INTERVAL",
            "1"),
        "--dns",
        "exec",
        "--dns.resolvers",
        ChallengeDns.ADDRESS,
        "--dns.disable-cp",
        "--domains",
        "*." + base);
    Path certificate = dir.resolve("lego/certificates/_." + base + ".crt");
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
    assertTrue(text.contains("DNS:*." + base), text);
  }

  @Test
  void aCertificateByHttp01() throws Exception {
    String domain = "h" + System.nanoTime() + ".lego.test";
    lego(Map.of(), "--http", "--http.port", ":" + HTTP01_PORT, "--domains", domain);
    String text =
        Tools.ok(
            dir,
            "openssl",
            "x509",
            "-in",
            dir.resolve("lego/certificates/" + domain + ".crt").toString(),
            "-noout",
            "-ext",
            "subjectAltName");
    assertTrue(text.contains("DNS:" + domain), text);
  }
}
