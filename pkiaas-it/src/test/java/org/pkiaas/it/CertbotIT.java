package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.bench.Rfc6962Log;

/**
 * certbot (Debian's) against the server, as the user guide has users run it: registration with EAB,
 * a certificate by http-01 with certbot's own standalone responder, a wildcard by dns-01 with
 * manual hooks that publish to pebble-challtestsrv (the server's resolver), one for a pre-approved
 * name with no responder at all, renewal, and revocation, after which openssl ocsp says revoked.
 */
class CertbotIT extends AcmeClientIT {

  private final AcmeFixture acme =
      new AcmeFixture("Certbot Root " + System.nanoTime(), "*.preapproved.test");

  private String certbot(String... arguments) {
    Tools.Run run = certbotRun(arguments);
    if (run.exitCode() != 0) {
      throw new AssertionError("certbot failed (" + run.exitCode() + "):\n" + run.output());
    }
    return run.output();
  }

  private Tools.Run certbotRun(String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "certbot",
                "--non-interactive",
                "--config-dir",
                dir.resolve("config").toString(),
                "--work-dir",
                dir.resolve("work").toString(),
                "--logs-dir",
                dir.resolve("logs").toString()));
    command.addAll(List.of(arguments));
    return Tools.run(dir, command.toArray(String[]::new));
  }

  private void register() {
    JsonObject eab = acme.eab();
    certbot(
        "register",
        "--server",
        AcmeFixture.DIRECTORY,
        "--agree-tos",
        "-m",
        "ops@example.com",
        "--eab-kid",
        eab.getString("kid"),
        "--eab-hmac-key",
        eab.getString("hmacKey"));
  }

  private String certonly(String domain) {
    return certbot(
        "certonly",
        "--server",
        AcmeFixture.DIRECTORY,
        "--standalone",
        "--http-01-port",
        HTTP01_PORT,
        "--cert-name",
        domain,
        "-d",
        domain);
  }

  @Test
  void http01ThenRenewalThenRevocation() throws Exception {
    register();
    String domain = "www" + System.nanoTime() + ".certbot.test";
    certonly(domain);
    Path live = dir.resolve("config/live/" + domain);
    assertTrue(Files.readString(live.resolve("fullchain.pem")).contains("BEGIN CERTIFICATE"));
    String firstSerial = serial(live.resolve("cert.pem"));

    certbot(
        "renew",
        "--server",
        AcmeFixture.DIRECTORY,
        "--cert-name",
        domain,
        "--force-renewal",
        "--no-random-sleep-on-renew",
        "--http-01-port",
        HTTP01_PORT);
    String renewedSerial = serial(live.resolve("cert.pem"));
    assertTrue(!renewedSerial.equals(firstSerial), "renewal issued a new certificate");

    certbot(
        "revoke",
        "--server",
        AcmeFixture.DIRECTORY,
        "--cert-path",
        live.resolve("cert.pem").toString(),
        "--reason",
        "keycompromise",
        "--no-delete-after-revoke");
    Files.writeString(
        dir.resolve("ca.pem"), Api.anonymous().get("/pki/ca/" + acme.caId + ".pem").text());
    String ocsp =
        Tools.ok(
            dir,
            "openssl",
            "ocsp",
            "-issuer",
            "ca.pem",
            "-CAfile",
            "ca.pem",
            "-cert",
            live.resolve("cert.pem").toString(),
            "-url",
            Api.BASE_URL + "/pki/ocsp/" + acme.caId);
    assertTrue(ocsp.contains(": revoked"), ocsp);
  }

  @Test
  void dns01WithManualHooksForAWildcardAndItsBase() throws Exception {
    register();
    Path publish = ChallengeDns.publishScript(dir);
    Path hook = dir.resolve("certbot-auth.sh");
    Files.writeString(
        hook,
        "#!/bin/sh\n# certbot --manual-auth-hook: publish the validation where the server looks\nexec "
            + publish
            + " \"_acme-challenge.$CERTBOT_DOMAIN\" \"$CERTBOT_VALIDATION\"\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    String base = "d" + System.nanoTime() + ".certbot.test";
    certbot(
        "certonly",
        "--server",
        AcmeFixture.DIRECTORY,
        "--manual",
        "--preferred-challenges",
        "dns",
        "--manual-auth-hook",
        hook.toString(),
        "--cert-name",
        base,
        "-d",
        "*." + base,
        "-d",
        base);
    String text =
        Tools.ok(
            dir,
            "openssl",
            "x509",
            "-in",
            dir.resolve("config/live/" + base + "/cert.pem").toString(),
            "-noout",
            "-ext",
            "subjectAltName");
    assertTrue(text.contains("DNS:*." + base) && text.contains("DNS:" + base), text);
  }

  @Test
  void aPreApprovedNameNeedsNoResponder() throws Exception {
    register();
    String domain = "host" + System.nanoTime() + ".preapproved.test";
    certonly(domain);
    String text =
        Tools.ok(
            dir,
            "openssl",
            "x509",
            "-in",
            dir.resolve("config/live/" + domain + "/cert.pem").toString(),
            "-noout",
            "-ext",
            "subjectAltName");
    assertTrue(text.contains("DNS:" + domain), text);
    assertEquals(
        1, acme.owner.get("/api/v1/acme-policies/" + acme.policyId + "/accounts").array().size());
  }

  /**
   * A template with a CT log: certbot's certificate carries the log's SCT; with the log failing,
   * certbot reports the server's serverInternal problem and its detail.
   */
  @Test
  void aCtTemplateEmbedsTheLogsSctOrRefusesWithItsReason() throws Exception {
    try (Rfc6962Log log =
        new Rfc6962Log(
            5063 + Integer.getInteger("pkiaas.it.port-offset", 100), acme.caCertificate)) {
      Api.Reply ct =
          CertificateTransparencyIT.useLogs(acme.owner, acme.templateId, null, log.asTemplateLog());
      assertEquals(200, ct.status(), ct::toString);
      register();
      String domain = "ct" + System.nanoTime() + ".preapproved.test";
      certonly(domain);
      String text =
          Tools.ok(
              dir,
              "openssl",
              "x509",
              "-in",
              dir.resolve("config/live/" + domain + "/cert.pem").toString(),
              "-noout",
              "-text");
      assertTrue(text.contains("CT Precertificate SCTs"), text);
      assertEquals(1, log.submissions().size());

      log.mode(Rfc6962Log.Mode.SERVER_ERROR);
      String refused = "refused" + System.nanoTime() + ".preapproved.test";
      Tools.Run run =
          certbotRun(
              "certonly",
              "--server",
              AcmeFixture.DIRECTORY,
              "--standalone",
              "--http-01-port",
              HTTP01_PORT,
              "--cert-name",
              refused,
              "-d",
              refused);
      assertTrue(run.exitCode() != 0, run.output());
      // Debian's certbot may fail while printing the problem ("AttributeError: can't set
      // attribute"); its log keeps the server's answer either way
      String said = run.output() + Files.readString(dir.resolve("logs/letsencrypt.log"));
      assertTrue(said.contains("error:serverInternal"), said);
      assertTrue(said.contains(log.url() + ": HTTP 500"), said);
      assertTrue(Files.notExists(dir.resolve("config/live/" + refused)));
    }
  }

  private String serial(Path certificate) {
    return Tools.ok(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-serial");
  }
}
