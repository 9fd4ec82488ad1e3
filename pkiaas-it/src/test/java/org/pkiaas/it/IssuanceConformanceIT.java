package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issuance driven by openssl: CSRs made by {@code openssl req} for RSA, EC and Ed25519 keys go
 * through submit, sign with overrides and download; {@code openssl verify} accepts every chain and
 * {@code openssl x509 -text} shows exactly what each starter template promises.
 */
class IssuanceConformanceIT extends ServerIT {

  /**
   * What {@code openssl x509 -text} must show for each starter (EC subject key), and what it must
   * not.
   */
  private static final Map<String, List<String>> PROMISES =
      Map.of(
          "WEB_SERVER",
              List.of(
                  "TLS Web Server Authentication", "Digital Signature\n", "DNS:host.example.test"),
          "CLIENT_AUTHENTICATION", List.of("TLS Web Client Authentication"),
          "WEB_SERVER_AND_CLIENT",
              List.of("TLS Web Server Authentication, TLS Web Client Authentication"),
          "SMIME", List.of("E-mail Protection", "email:person@example.test"),
          "CODE_SIGNING", List.of("Code Signing"),
          "DOCUMENT_SIGNING", List.of("Digital Signature, Non Repudiation", "1.3.6.1.5.5.7.3.36"),
          "TIMESTAMPING", List.of("X509v3 Extended Key Usage: critical", "Time Stamping"),
          "OCSP_SIGNING", List.of("OCSP Signing", "OCSP No Check"),
          "CERTIFICATE_AUTHORITY", List.of("CA:TRUE, pathlen:0", "Certificate Sign, CRL Sign"),
          "DOMAIN_CONTROLLER",
              List.of(
                  "TLS Web Client Authentication, TLS Web Server Authentication, Signing KDC Response, Microsoft Smartcard Login"));

  @TempDir Path dir;

  private final Api owner = Api.newUser();

  private JsonObject root(String keyType) {
    return owner
        .post(
            "/api/v1/cas",
            Json.createObjectBuilder()
                .add(
                    "subject",
                    Json.createObjectBuilder().add("commonName", "Conformance Root " + keyType))
                .add("keyType", keyType)
                .build())
        .json();
  }

  private String issue(String templateId, String csrFile, JsonObject overrides) throws Exception {
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder().add("csr", Files.readString(dir.resolve(csrFile))).build());
    assertEquals(201, submitted.status(), submitted::toString);
    Api.Reply signed =
        owner.post("/api/v1/requests/" + submitted.json().getString("id") + "/sign", overrides);
    assertEquals(200, signed.status(), signed::toString);
    return signed.json().getString("id");
  }

  @Test
  void rsaEcAndEd25519CsrsFromOpensslAreIssuedAndVerify() throws Exception {
    JsonObject root = root("RSA");
    Files.writeString(dir.resolve("root.pem"), root.getString("certificatePem"));
    String template =
        owner
            .get("/api/v1/cas/" + root.getString("id") + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");
    Map<String, List<String>> keys =
        Map.of(
            "rsa",
            List.of("-newkey", "rsa:2048"),
            "ec",
            List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            "ed25519",
            List.of("-newkey", "ed25519"));
    for (var key : keys.entrySet()) {
      String name = key.getKey();
      var command =
          new java.util.ArrayList<>(
              List.of(
                  "openssl",
                  "req",
                  "-new",
                  "-nodes",
                  "-keyout",
                  name + ".key",
                  "-out",
                  name + ".csr",
                  "-subj",
                  "/CN=" + name + ".example.test",
                  "-addext",
                  "subjectAltName=DNS:" + name + ".example.test"));
      command.addAll(key.getValue());
      Tools.ok(dir, command.toArray(String[]::new));
      String id =
          issue(
              template,
              name + ".csr",
              Json.createObjectBuilder()
                  .add("subject", "O=Conformance,CN=" + name + ".example.test")
                  .add(
                      "subjectAltNames",
                      Json.createArrayBuilder()
                          .add("DNS:" + name + ".example.test")
                          .add("IP:192.0.2.10"))
                  .add("validityDays", 45)
                  .build());
      Files.writeString(
          dir.resolve(name + ".chain.pem"),
          owner.get("/api/v1/certificates/" + id + "?format=chain").text());
      Files.write(
          dir.resolve(name + ".der"),
          owner.get("/api/v1/certificates/" + id, "application/pkix-cert").bytes());
      Tools.ok(
          dir, "openssl", "x509", "-inform", "DER", "-in", name + ".der", "-out", name + ".pem");
      String verified =
          Tools.ok(
              dir,
              "openssl",
              "verify",
              "-x509_strict",
              "-purpose",
              "sslserver",
              "-CAfile",
              "root.pem",
              "-untrusted",
              name + ".chain.pem",
              name + ".pem");
      assertTrue(verified.contains(name + ".pem: OK"), verified);
      String text = Tools.ok(dir, "openssl", "x509", "-in", name + ".pem", "-noout", "-text");
      assertTrue(text.contains("Subject: O = Conformance, CN = " + name + ".example.test"), text);
      assertTrue(text.contains("DNS:" + name + ".example.test, IP Address:192.0.2.10"), text);
      assertEquals(
          "rsa".equals(name),
          text.contains("Key Encipherment"),
          "key encipherment only for RSA keys:\n" + text);
      // the certificate matches the private key openssl holds
      assertEquals(
          Tools.ok(dir, "openssl", "pkey", "-in", name + ".key", "-pubout"),
          Tools.ok(dir, "openssl", "x509", "-in", name + ".pem", "-noout", "-pubkey"));
    }
  }

  @Test
  void eachStarterTemplateIssuesWhatItPromises() throws Exception {
    JsonObject root = root("EC");
    String caId = root.getString("id");
    Files.writeString(dir.resolve("root.pem"), root.getString("certificatePem"));
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
        "k.key",
        "-out",
        "k.csr",
        "-subj",
        "/CN=Starter Subject");
    for (var promise : PROMISES.entrySet()) {
      String starter = promise.getKey();
      String template =
          owner
              .post(
                  "/api/v1/cas/" + caId + "/templates",
                  Json.createObjectBuilder().add("name", starter).add("starter", starter).build())
              .json()
              .getString("id");
      var overrides = Json.createObjectBuilder();
      if (starter.startsWith("WEB_SERVER") || starter.equals("DOMAIN_CONTROLLER")) {
        overrides.add("subjectAltNames", Json.createArrayBuilder().add("DNS:host.example.test"));
      } else if (starter.equals("SMIME")) {
        overrides.add(
            "subjectAltNames", Json.createArrayBuilder().add("EMAIL:person@example.test"));
      }
      String id = issue(template, "k.csr", overrides.build());
      Files.writeString(
          dir.resolve(starter + ".pem"),
          owner.get("/api/v1/certificates/" + id, "application/x-pem-file").text());
      String text = Tools.ok(dir, "openssl", "x509", "-in", starter + ".pem", "-noout", "-text");
      for (String expected : promise.getValue()) {
        assertTrue(text.contains(expected), () -> starter + " lacks '" + expected + "':\n" + text);
      }
      assertTrue(text.contains("X509v3 Basic Constraints: critical"), text);
      assertTrue(text.contains("X509v3 Key Usage: critical"), text);
      assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
      assertTrue(text.contains("X509v3 CRL Distribution Points"), text);
      assertEquals(
          !starter.equals("OCSP_SIGNING"),
          text.contains("OCSP - URI:"),
          starter + ": OCSP URL in AIA\n" + text);
      assertFalse(
          text.contains("Key Encipherment"), starter + " with an EC key has no key encipherment");
      String purpose =
          switch (starter) {
            case "TIMESTAMPING" -> "timestampsign";
            case "SMIME" -> "smimesign";
            case "OCSP_SIGNING" -> "ocsphelper";
            case "CLIENT_AUTHENTICATION" -> "sslclient";
            case "WEB_SERVER", "WEB_SERVER_AND_CLIENT" -> "sslserver";
            default -> "any";
          };
      String verified =
          Tools.ok(
              dir,
              "openssl",
              "verify",
              "-purpose",
              purpose,
              "-CAfile",
              "root.pem",
              starter + ".pem");
      assertTrue(verified.contains(": OK"), starter + ": " + verified);
    }
  }

  @Test
  void mlDsaCsrIsIssuedUnderAnMlDsaRootAndVerifiesIndependently() throws Exception {
    JsonObject root = root("ML_DSA");
    String template =
        owner
            .get("/api/v1/cas/" + root.getString("id") + "/templates")
            .array()
            .getJsonObject(0)
            .getString("id");
    Files.writeString(
        dir.resolve("ml.csr"),
        Csrs.csr(Csrs.keys("ML-DSA-65"), "CN=pq.example.test", List.of("pq.example.test")));
    String id = issue(template, "ml.csr", Json.createObjectBuilder().build());
    Files.write(
        dir.resolve("leaf.der"),
        owner.get("/api/v1/certificates/" + id, "application/pkix-cert").bytes());
    Files.write(
        dir.resolve("root.der"),
        Api.anonymous().get("/pki/ca/" + root.getString("id") + ".crt").bytes());
    Path script =
        Path.of(System.getProperty("pkiaas.it.js", "src/test/js"), "verify-mldsa-certificate.mjs");
    assertEquals(
        "OK ML-DSA-65",
        Tools.ok(dir, "node", script.toAbsolutePath().toString(), "leaf.der", "root.der").trim());
    String text =
        Tools.ok(dir, "openssl", "x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-text");
    assertTrue(text.contains("Digital Signature") && !text.contains("Key Encipherment"), text);
  }
}
