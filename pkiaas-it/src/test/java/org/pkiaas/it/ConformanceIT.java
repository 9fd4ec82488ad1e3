package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, driven by clients nobody here wrote: openssl signs the CSR of a PKIaaS
 * intermediate and verifies the resulting chain; an independent ML-DSA implementation
 * (@noble/post-quantum, not Bouncy Castle) verifies the self-signature of ML-DSA roots.
 */
class ConformanceIT extends ServerIT {

  @TempDir Path dir;

  private final Api user = Api.newUser();

  private JsonObject create(String json) {
    Api.Reply reply = user.post("/api/v1/cas", json);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private void write(String file, String content) throws Exception {
    Files.writeString(dir.resolve(file), content, StandardCharsets.US_ASCII);
  }

  @Test
  void rootsAreAcceptedByOpenssl() throws Exception {
    for (String keyType : new String[] {"\"RSA\", \"keySize\": 2048", "\"EC\"", "\"ED25519\""}) {
      JsonObject root =
          create(
              "{\"subject\": {\"commonName\": \"E2E Root\", \"organization\": \"PKIaaS E2E\"}, \"keyType\": "
                  + keyType
                  + "}");
      write("root.pem", root.getString("certificatePem"));
      assertTrue(
          Tools.ok(dir, "openssl", "verify", "-x509_strict", "-CAfile", "root.pem", "root.pem")
              .contains("root.pem: OK"));
      String text = Tools.ok(dir, "openssl", "x509", "-in", "root.pem", "-noout", "-text");
      assertTrue(text.contains("X509v3 Basic Constraints: critical"), text);
      assertTrue(text.contains("CA:TRUE"), text);
      assertTrue(text.contains("X509v3 Key Usage: critical"), text);
      assertTrue(text.contains("Digital Signature, Certificate Sign, CRL Sign"), text);
      assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
      assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
      Files.write(
          dir.resolve("root.der"),
          Api.anonymous().get("/pki/ca/" + root.getString("id") + ".crt").bytes());
      assertTrue(
          Tools.ok(
                  dir, "openssl", "x509", "-inform", "DER", "-in", "root.der", "-noout", "-subject")
              .contains("CN = E2E Root"));
    }
  }

  @Test
  void intermediateSignedByOpensslChainsToItsRoot() throws Exception {
    JsonObject intermediate =
        create(
            "{\"subject\": {\"commonName\": \"E2E Issuing CA\"}, \"keyType\": \"EC\", "
                + "\"curve\": \"P-384\", \"csrOnly\": true}");
    String id = intermediate.getString("id");
    write("intermediate.csr", user.get("/api/v1/cas/" + id + "/csr").text());
    assertTrue(
        Tools.ok(dir, "openssl", "req", "-in", "intermediate.csr", "-noout", "-verify")
            .contains("verify OK"));

    Tools.ok(
        dir,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "root.key",
        "-out",
        "root.pem",
        "-subj",
        "/CN=E2E Offline Root",
        "-days",
        "30",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    write(
        "v3.cnf",
        "[v3_ca]\nbasicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n"
            + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
    Tools.ok(
        dir,
        "openssl",
        "x509",
        "-req",
        "-in",
        "intermediate.csr",
        "-CA",
        "root.pem",
        "-CAkey",
        "root.key",
        "-CAcreateserial",
        "-days",
        "20",
        "-extfile",
        "v3.cnf",
        "-extensions",
        "v3_ca",
        "-out",
        "intermediate.pem");

    Api.Reply imported =
        user.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Files.readString(dir.resolve("intermediate.pem")))
                .add("chainPem", Files.readString(dir.resolve("root.pem")))
                .build());
    assertEquals(200, imported.status(), imported::toString);
    assertEquals("ACTIVE", imported.json().getString("status"));

    assertTrue(
        Tools.ok(
                dir,
                "openssl",
                "verify",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "intermediate.pem",
                "intermediate.pem")
            .contains("intermediate.pem: OK"));
    write("chain.pem", Api.anonymous().get("/pki/ca/" + id + ".pem").text());
    write(
        "responder.pem",
        user.get("/api/v1/cas/" + id + "/certificates")
            .array()
            .getJsonObject(0)
            .getString("certificatePem"));
    String verified =
        Tools.ok(
            dir,
            "openssl",
            "verify",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "chain.pem",
            "-purpose",
            "ocsphelper",
            "responder.pem");
    assertTrue(verified.contains("responder.pem: OK"), verified);
  }

  @Test
  void mlDsaRootsVerifyWithAnIndependentImplementation() throws Exception {
    for (String set : new String[] {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"}) {
      JsonObject root =
          create(
              "{\"subject\": {\"commonName\": \"E2E "
                  + set
                  + " Root\"}, \"keyType\": \"ML_DSA\", "
                  + "\"parameterSet\": \""
                  + set
                  + "\"}");
      Files.write(
          dir.resolve("root.der"),
          Api.anonymous().get("/pki/ca/" + root.getString("id") + ".crt").bytes());
      Path script =
          Path.of(
              System.getProperty("pkiaas.it.js", "src/test/js"), "verify-mldsa-certificate.mjs");
      String output = Tools.ok(dir, "node", script.toAbsolutePath().toString(), "root.der");
      assertEquals("OK " + set, output.trim());
    }
    byte[] tampered = Files.readAllBytes(dir.resolve("root.der"));
    tampered[tampered.length - 40] ^= 0x01;
    Files.write(dir.resolve("tampered.der"), tampered);
    Path script =
        Path.of(System.getProperty("pkiaas.it.js", "src/test/js"), "verify-mldsa-certificate.mjs");
    Tools.Run rejected =
        Tools.run(dir, "node", script.toAbsolutePath().toString(), "tampered.der", "root.der");
    assertEquals(
        1, rejected.exitCode(), "the verifier must be able to say no: " + rejected.output());
  }
}
