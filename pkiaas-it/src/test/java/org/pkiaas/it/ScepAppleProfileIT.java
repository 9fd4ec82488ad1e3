package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.bench.Rfc6962Log;

/**
 * Apple devices without MDM (user guide 6.4): a pre-approved request for an Apple device mails a
 * link to a configuration profile; the profile verifies with {@code openssl smime -verify} against
 * the CA, Python's plistlib reads the SCEP and root payloads Apple's schema asks for, and its
 * one-time challenge enrolls (jscep standing in for the device) only with the pre-approved subject
 * and names, and only once.
 */
@ExtendWith(MailServer.Running.class)
class ScepAppleProfileIT extends ServerIT {

  private static final String SUBJECT = "CN=alice-iphone.example.test";
  private static final String SAN = "alice-iphone.example.test";

  /** Reads the plist with Python's own parser and prints the keys the test checks, as JSON. */
  private static final String READ_PLIST =
      "import json, plistlib, sys\n"
          + "p = plistlib.load(open(sys.argv[1], 'rb'))\n"
          + "by = {c['PayloadType']: c for c in p['PayloadContent']}\n"
          + "s = by['com.apple.security.scep']\n"
          + "r = by['com.apple.security.root']\n"
          + "print(json.dumps({'type': p['PayloadType'], 'version': p['PayloadVersion'],"
          + " 'uuid': p['PayloadUUID'], 'identifier': p['PayloadIdentifier'],"
          + " 'scep': {k: v for k, v in s['PayloadContent'].items()},"
          + " 'scepUuid': s['PayloadUUID'], 'root': r['PayloadContent'].hex()}))\n";

  @TempDir Path dir;

  @Test
  void theMailedProfileVerifiesAndItsChallengeEnrollsThePreApprovedDeviceOnce() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP Apple Root", "RSA");
    scep.set("scep", Json.createObjectBuilder().add("staticPassphrase", false));
    String email = MailServer.mailbox();
    Api.Reply created =
        scep.owner.post(
            "/api/v1/templates/" + scep.templateId() + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", SUBJECT)
                .add("subjectAltNames", Json.createArrayBuilder().add("DNS:" + SAN))
                .add("email", email)
                .add("appleDevice", true)
                .build());
    assertEquals(201, created.status(), created::toString);
    String url = created.json().getString("claimUrl");
    assertTrue(url.endsWith(".mobileconfig"), url);
    MailServer.awaitMessage(email, text -> text.contains(url), Duration.ofSeconds(30));

    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertEquals(
        "application/x-apple-aspen-config",
        download.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").contains(".mobileconfig"));
    Path profile = dir.resolve("device.mobileconfig");
    Files.write(profile, download.body());
    Tools.ok(
        dir,
        "openssl",
        "smime",
        "-verify",
        "-inform",
        "DER",
        "-in",
        profile.toString(),
        "-CAfile",
        scep.caPem(dir).toString(),
        "-out",
        "profile.plist");
    String read = Tools.ok(dir, "python3", "-c", READ_PLIST, "profile.plist");
    JsonObject plist = Json.createReader(new StringReader(read)).readObject();
    assertEquals("Configuration", plist.getString("type"));
    assertEquals(1, plist.getInt("version"));
    JsonObject payload = plist.getJsonObject("scep");
    assertTrue(
        payload.getString("URL").endsWith("/pki/scep/" + scep.templateId()),
        payload.getString("URL"));
    assertEquals(2048, payload.getInt("Keysize"));
    assertEquals("RSA", payload.getString("Key Type"));
    assertEquals(5, payload.getInt("Key Usage"));
    assertEquals(
        "[[[\"CN\",\"alice-iphone.example.test\"]]]", payload.getJsonArray("Subject").toString());
    assertEquals(SAN, payload.getJsonObject("SubjectAltName").getJsonArray("dNSName").getString(0));
    assertArrayEquals(
        scep.caCertificate().getEncoded(),
        java.util.HexFormat.of().parseHex(plist.getString("root")));
    String challenge = payload.getString("Challenge");
    assertTrue(challenge.matches("[0-9A-F]{32}"), challenge);
    assertTrue(!read.contains(scep.passphrase), "no static passphrase in the profile");

    Client client = JscepDevice.client(scep);
    KeyPair keys = JscepDevice.rsa();
    EnrollmentResponse other = enrol(client, keys, "CN=mallory.example.test", SAN, challenge);
    assertTrue(other.isFailure(), "the challenge is for the pre-approved subject only");
    assertTrue(scep.failures().contains("pre-approved subject and names"), scep.failures());

    EnrollmentResponse enrolled = enrol(client, keys, SUBJECT, SAN, challenge);
    assertTrue(enrolled.isSuccess(), scep::failures);
    X509Certificate issued = JscepDevice.certificates(enrolled.getCertStore()).get(0);
    assertEquals(new X500Principal(SUBJECT), issued.getSubjectX500Principal());
    Path pem = dir.resolve("device.pem");
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(issued.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    assertTrue(scep.opensslVerify(dir, pem).contains(": OK"));
    assertEquals(1, scep.issued().size());

    EnrollmentResponse again = enrol(client, JscepDevice.rsa(), SUBJECT, SAN, challenge);
    assertTrue(again.isFailure(), "the challenge works once");
    assertEquals(1, scep.issued().size());
    HttpResponse<byte[]> later =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(404, later.statusCode(), "the profile is gone once its certificate is issued");
  }

  /**
   * Issue 19 on the Apple path: a device enrolling with its profile's challenge through a template
   * with two CT logs gets a certificate carrying both logs' SCTs, like every other channel; when a
   * log fails, the device gets a SCEP FAILURE, the administrator the attempt (channel SCEP), and
   * the challenge stays good for the next try.
   */
  @Test
  void throughCtLogsTheDeviceGetsTheirSctsAndARefusalKeepsTheChallenge() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP Apple CT Root", "EC");
    scep.set("scep", Json.createObjectBuilder().add("staticPassphrase", false));
    X509CertificateHolder ca = scep.caCertificate();
    try (Rfc6962Log one = new Rfc6962Log(0, ca);
        Rfc6962Log two = new Rfc6962Log(0, ca)) {
      Api.Reply logs =
          CertificateTransparencyIT.useLogs(
              scep.owner, scep.templateId(), null, one.asTemplateLog(), two.asTemplateLog());
      assertEquals(200, logs.status(), logs::toString);
      Api.Reply created =
          scep.owner.post(
              "/api/v1/templates/" + scep.templateId() + "/preapproved",
              Json.createObjectBuilder()
                  .add("subject", SUBJECT)
                  .add("subjectAltNames", Json.createArrayBuilder().add("DNS:" + SAN))
                  .add("appleDevice", true)
                  .build());
      assertEquals(201, created.status(), created::toString);
      String challenge = profile(created.json().getString("claimUrl")).getString("Challenge");
      Client client = JscepDevice.client(scep);
      KeyPair keys = JscepDevice.rsa();

      two.mode(Rfc6962Log.Mode.SERVER_ERROR);
      EnrollmentResponse refused = enrol(client, keys, SUBJECT, SAN, challenge);
      assertTrue(refused.isFailure(), "one of two required logs failed");
      assertTrue(scep.failures().contains(two.url() + ": HTTP 500"), scep.failures());
      assertEquals(0, scep.issued().size());
      var attempts = scep.owner.get("/api/v1/cas/" + scep.caId + "/ct-attempts").array();
      assertEquals(1, attempts.size(), attempts::toString);
      assertEquals("scep", attempts.getJsonObject(0).getString("channel"), attempts::toString);
      assertEquals("request", attempts.getJsonObject(0).getString("origin"), attempts::toString);

      two.mode(Rfc6962Log.Mode.HONEST);
      EnrollmentResponse enrolled = enrol(client, keys, SUBJECT, SAN, challenge);
      assertTrue(enrolled.isSuccess(), scep::failures);
      X509CertificateHolder issued =
          new X509CertificateHolder(
              JscepDevice.certificates(enrolled.getCertStore()).get(0).getEncoded());
      assertEquals(
          List.of(CertificateTransparencyIT.logId(one), CertificateTransparencyIT.logId(two)),
          CertificateTransparencyIT.sctLogIds(issued));
      assertEquals(new X500Name(SUBJECT), issued.getSubject());
      assertTrue(Pki.signedBy(issued, ca));
      assertEquals(1, scep.issued().size());

      // a PKCSReq with the static passphrase creates its request inside the enrollment's
      // transaction, a new one each round: the logs' answers still fit the rebuilt TBS
      scep.set("scep", Json.createObjectBuilder().add("staticPassphrase", true));
      EnrollmentResponse other =
          enrol(
              client,
              JscepDevice.rsa(),
              "CN=bob-ipad.example.test",
              "bob-ipad.example.test",
              scep.passphrase);
      assertTrue(other.isSuccess(), scep::failures);
      assertEquals(
          List.of(CertificateTransparencyIT.logId(one), CertificateTransparencyIT.logId(two)),
          CertificateTransparencyIT.sctLogIds(
              new X509CertificateHolder(
                  JscepDevice.certificates(other.getCertStore()).get(0).getEncoded())));
    }
  }

  /** The SCEP payload of the configuration profile behind {@code url}, read by Python. */
  private JsonObject profile(String url) throws Exception {
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    Path profile = dir.resolve("ct-device.mobileconfig");
    Files.write(profile, download.body());
    Tools.ok(
        dir,
        "openssl",
        "smime",
        "-verify",
        "-noverify",
        "-inform",
        "DER",
        "-in",
        profile.toString(),
        "-out",
        "ct-profile.plist");
    String read = Tools.ok(dir, "python3", "-c", READ_PLIST, "ct-profile.plist");
    return Json.createReader(new StringReader(read)).readObject().getJsonObject("scep");
  }

  /** A PKCSReq for {@code subject} and a DNS name, as the profile makes the device send. */
  private static EnrollmentResponse enrol(
      Client client, KeyPair keys, String subject, String dnsName, String challenge)
      throws Exception {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    PKCS10CertificationRequest csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject), keys.getPublic())
            .addAttribute(
                PKCSObjectIdentifiers.pkcs_9_at_challengePassword,
                new DERPrintableString(challenge))
            .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
    X500Name name = new X500Name(subject);
    Instant now = Instant.now();
    X509Certificate identity =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v1CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.HOURS)),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        name,
                        keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    return client.enrol(identity, keys.getPrivate(), csr);
  }
}
