package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

/** The certificate-authority lifecycle through /api/v1/cas and the public /pki/ca endpoints. */
class CertificateAuthoritiesIT extends ServerIT {

  private final Api owner = Api.newUser();

  static JsonObjectBuilder ca(String commonName) {
    return Json.createObjectBuilder()
        .add("subject", Json.createObjectBuilder().add("commonName", commonName));
  }

  private JsonObject create(JsonObjectBuilder body) {
    Api.Reply reply = owner.post("/api/v1/cas", body.build());
    assertEquals(201, reply.status(), reply::toString);
    assertTrue(
        reply
            .headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/api/v1/cas/" + reply.json().getString("id")));
    return reply.json();
  }

  @Test
  void rsaRootFollowsTheRfc5280CaProfile() throws Exception {
    JsonObject created =
        create(
            ca("IT RSA Root")
                .add("keyType", "RSA")
                .add("keySize", 2048)
                .add("validityDays", 365)
                .add("pathLength", 2)
                .add(
                    "subject",
                    Json.createObjectBuilder()
                        .add("commonName", "IT RSA Root")
                        .add("organization", "PKIaaS IT")
                        .add("country", "DE")));
    assertEquals("ACTIVE", created.getString("status"));
    assertEquals("SHA256withRSA", created.getString("signatureAlgorithm"));
    X509CertificateHolder root = Pki.certificate(created.getString("certificatePem"));

    assertEquals(root.getSubject(), root.getIssuer());
    assertEquals("C=DE,O=PKIaaS IT,CN=IT RSA Root", root.getSubject().toString());
    assertEquals(1, root.getSerialNumber().signum());
    assertTrue(root.getSerialNumber().bitLength() >= 64, "serial carries at least 64 bits");
    assertTrue(
        root.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(root)));
    assertEquals(
        Duration.ofDays(365),
        Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()));

    Extension basicConstraints = root.getExtension(Extension.basicConstraints);
    assertTrue(basicConstraints.isCritical());
    BasicConstraints constraints = BasicConstraints.getInstance(basicConstraints.getParsedValue());
    assertTrue(constraints.isCA());
    assertEquals(2, constraints.getPathLenConstraint().intValue());
    Extension keyUsage = root.getExtension(Extension.keyUsage);
    assertTrue(keyUsage.isCritical());
    assertTrue(
        KeyUsage.getInstance(keyUsage.getParsedValue())
            .hasUsages(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    byte[] ski = SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier();
    assertArrayEquals(
        ski, AuthorityKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifierOctets());
    assertNull(root.getExtension(Extension.extendedKeyUsage), "no EKU unless asked for");

    Api.Reply der = Api.anonymous().get("/pki/ca/" + created.getString("id") + ".crt");
    assertEquals(200, der.status());
    assertEquals("application/pkix-cert", der.contentType());
    assertArrayEquals(root.getEncoded(), der.bytes());
    Api.Reply chain = Api.anonymous().get("/pki/ca/" + created.getString("id") + ".pem");
    assertEquals(1, Pki.certificates(chain.text()).size());
  }

  @Test
  void eachKeyTypeGetsItsDefaultSignatureAlgorithm() {
    assertEquals(
        "SHA384withECDSA",
        create(ca("IT EC Root").add("keyType", "EC").add("curve", "P-384"))
            .getString("signatureAlgorithm"));
    assertEquals(
        "Ed25519",
        create(ca("IT Ed25519 Root").add("keyType", "ED25519")).getString("signatureAlgorithm"));
    JsonObject mlDsa = create(ca("IT ML-DSA Root").add("keyType", "ML_DSA"));
    assertEquals(
        "ML-DSA-65", mlDsa.getString("parameterSet"), "ML-DSA-65 is the default parameter set");
    assertPureAlgorithm(mlDsa, "2.16.840.1.101.3.4.3.18");
    assertPureAlgorithm(
        create(ca("IT ML-DSA-87 Root").add("keyType", "ML_DSA").add("parameterSet", "ML-DSA-87")),
        "2.16.840.1.101.3.4.3.19");
    assertPureAlgorithm(
        create(
            ca("IT SLH-DSA Root")
                .add("keyType", "SLH_DSA")
                .add("parameterSet", "SLH-DSA-SHA2-128F")),
        "2.16.840.1.101.3.4.3.21");
    assertEquals(
        "SHA512withECDSA",
        create(
                ca("IT EC 521")
                    .add("keyType", "EC")
                    .add("curve", "P-521")
                    .add("signatureAlgorithm", "SHA-512"))
            .getString("signatureAlgorithm"));
  }

  /** RFC 9881 / RFC 9909: the pure-mode OID with absent parameters. */
  private static void assertPureAlgorithm(JsonObject created, String oid) {
    X509CertificateHolder certificate = Pki.certificate(created.getString("certificatePem"));
    AlgorithmIdentifier algorithm = certificate.getSignatureAlgorithm();
    assertEquals(oid, algorithm.getAlgorithm().getId());
    assertNull(algorithm.getParameters(), "parameters must be absent");
    assertTrue(Pki.signedBy(certificate, certificate));
  }

  @Test
  void importsAnExistingKey() throws Exception {
    var keys = Pki.ecKeyPair();
    JsonObject created =
        create(ca("IT Imported Key").add("privateKeyPem", Pki.pem(keys.getPrivate())));
    assertEquals("IMPORTED", created.getString("keyBackend"));
    assertEquals("EC", created.getString("keyType"));
    X509CertificateHolder certificate = Pki.certificate(created.getString("certificatePem"));
    assertArrayEquals(
        keys.getPublic().getEncoded(),
        certificate.getSubjectPublicKeyInfo().toASN1Primitive().getEncoded());
    assertFalse(created.toString().contains("PRIVATE KEY"), "the key is never returned");
    String encrypted = Pki.encryptedPem(Pki.ecKeyPair().getPrivate(), "right-password");
    assertEquals(
        "IMPORTED",
        create(
                ca("IT Encrypted Key")
                    .add("privateKeyPem", encrypted)
                    .add("privateKeyPassword", "right-password"))
            .getString("keyBackend"));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    int before = owner.get("/api/v1/cas").array().size();
    assertInvalid(owner.post("/api/v1/cas", ca("x").add("keyType", "DSA").build()), "keyType");
    assertInvalid(
        owner.post("/api/v1/cas", ca("x").add("keyType", "RSA").add("keySize", 1024).build()),
        "keySize");
    assertInvalid(
        owner.post("/api/v1/cas", ca("x").add("keyType", "RSA").add("curve", "P-256").build()),
        "curve");
    assertInvalid(
        owner.post("/api/v1/cas", Json.createObjectBuilder().add("keyType", "EC").build()),
        "subject.commonName");
    assertInvalid(
        owner.post("/api/v1/cas", ca(" ").add("keyType", "EC").build()), "subject.commonName");
    assertInvalid(
        owner.post("/api/v1/cas", ca("x").add("keyType", "EC").add("validityDays", -1).build()),
        "validityDays");
    assertInvalid(
        owner.post(
            "/api/v1/cas",
            ca("x").add("keyType", "EC").add("signatureAlgorithm", "SHA256withRSA").build()),
        "signatureAlgorithm");
    assertInvalid(
        owner.post(
            "/api/v1/cas",
            ca("x")
                .add(
                    "privateKeyPem", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----")
                .build()),
        "privateKeyPem");
    String encrypted = Pki.encryptedPem(Pki.ecKeyPair().getPrivate(), "right-password");
    assertInvalid(
        owner.post(
            "/api/v1/cas",
            ca("x").add("privateKeyPem", encrypted).add("privateKeyPassword", "wrong").build()),
        "privateKeyPassword");
    assertInvalid(
        owner.post("/api/v1/cas", ca("x").add("privateKeyPem", encrypted).build()),
        "privateKeyPassword");
    assertInvalid(
        owner.post(
            "/api/v1/cas",
            ca("x")
                .add("keyType", "EC")
                .add("keyUsage", Json.createArrayBuilder().add("cRLSign"))
                .build()),
        "keyUsage");
    assertProblem(owner.post("/api/v1/cas", "{\"subject\": "), 400);
    assertEquals(
        before, owner.get("/api/v1/cas").array().size(), "a refused request stores nothing");
  }

  @Test
  void intermediateIsCreatedAsCsrAndActivatedByImport() throws Exception {
    JsonObject created = create(ca("IT Issuing CA").add("keyType", "EC").add("csrOnly", true));
    String id = created.getString("id");
    assertEquals("AWAITING_CERTIFICATE", created.getString("status"));
    assertFalse(created.containsKey("certificatePem"));
    assertEquals(404, Api.anonymous().get("/pki/ca/" + id + ".crt").status(), "no certificate yet");

    PKCS10CertificationRequest csr = Pki.csr(owner.get("/api/v1/cas/" + id + "/csr").text());
    assertTrue(
        csr.isSignatureValid(
            new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .setProvider(Pki.BC)
                .build(csr.getSubjectPublicKeyInfo())));
    assertEquals("CN=IT Issuing CA", csr.getSubject().toString());

    Pki.Issuer root = Pki.externalRoot("IT External Root", 1);
    X509CertificateHolder issued = root.issueCa(csr, 0, null);
    JsonObject noChain = Json.createObjectBuilder().add("certificatePem", Pki.pem(issued)).build();
    assertInvalid(owner.post("/api/v1/cas/" + id + "/certificate", noChain), "chainPem");

    Pki.Issuer stranger = Pki.externalRoot("IT Other Key", null);
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(stranger.certificate()))
                .build()),
        "certificatePem");
    X509CertificateHolder endEntity = root.issueEndEntity(csr);
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(endEntity))
                .add("chainPem", Pki.pem(root.certificate()))
                .build()),
        "certificatePem");
    Pki.Issuer leafOnlyRoot = Pki.externalRoot("IT Leaf-only Root", 0);
    assertInvalid(
        owner.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(leafOnlyRoot.issueCa(csr, null, null)))
                .add("chainPem", Pki.pem(leafOnlyRoot.certificate()))
                .build()),
        "chainPem");
    assertEquals("AWAITING_CERTIFICATE", owner.get("/api/v1/cas/" + id).json().getString("status"));

    Api.Reply imported =
        owner.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(issued))
                .add("chainPem", Pki.pem(root.certificate()))
                .build());
    assertEquals(200, imported.status(), imported::toString);
    assertEquals("ACTIVE", imported.json().getString("status"));
    assertEquals(3650, created.getInt("validityDays"));
    assertEquals(
        20,
        imported.json().getInt("validityDays"),
        "an imported CA's validity is its certificate's, not the default");
    List<X509CertificateHolder> chain =
        Pki.certificates(Api.anonymous().get("/pki/ca/" + id + ".pem").text());
    assertEquals(List.of(issued, root.certificate()), chain);
    assertProblem(
        owner.post(
            "/api/v1/cas/" + id + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", Pki.pem(issued))
                .add("chainPem", Pki.pem(root.certificate()))
                .build()),
        409);
  }

  @Test
  void importFetchesAMissingChainThroughAiaWhenAskedTo() throws Exception {
    Pki.Issuer root = Pki.externalRoot("IT AIA Root", null);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] rootDer = Pki.der(root.certificate());
    server.createContext(
        "/root.crt",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/pkix-cert");
          exchange.sendResponseHeaders(200, rootDer.length);
          exchange.getResponseBody().write(rootDer);
          exchange.close();
        });
    server.start();
    try {
      JsonObject created =
          create(ca("IT AIA Intermediate").add("keyType", "ED25519").add("csrOnly", true));
      String id = created.getString("id");
      PKCS10CertificationRequest csr = Pki.csr(owner.get("/api/v1/cas/" + id + "/csr").text());
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/root.crt";
      X509CertificateHolder issued = root.issueCa(csr, null, url);
      // fetching is opt-in: the URL is the certificate maker's, and the server would fetch it
      assertInvalid(
          owner.post(
              "/api/v1/cas/" + id + "/certificate",
              Json.createObjectBuilder().add("certificatePem", Pki.pem(issued)).build()),
          "chainPem");
      X509CertificateHolder toMetadata =
          root.issueCa(csr, null, "http://169.254.169.254/latest/meta-data/root.crt");
      assertInvalid(
          owner.post(
              "/api/v1/cas/" + id + "/certificate",
              Json.createObjectBuilder()
                  .add("certificatePem", Pki.pem(toMetadata))
                  .add("fetchIssuers", true)
                  .build()),
          "chainPem");
      Api.Reply imported =
          owner.post(
              "/api/v1/cas/" + id + "/certificate",
              Json.createObjectBuilder()
                  .add("certificatePem", Pki.pem(issued))
                  .add("fetchIssuers", true)
                  .build());
      assertEquals(200, imported.status(), imported::toString);
      assertEquals(
          List.of(root.certificate()), Pki.certificates(imported.json().getString("chainPem")));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void everyCaGetsAnOcspResponderCertificateAndAWebServerTemplate() throws Exception {
    JsonObject created = create(ca("IT Responder Root").add("keyType", "EC"));
    String id = created.getString("id");
    X509CertificateHolder root = Pki.certificate(created.getString("certificatePem"));
    var certificates = owner.get("/api/v1/cas/" + id + "/certificates").array();
    assertEquals(1, certificates.size());
    JsonObject listed = certificates.getJsonObject(0);
    assertEquals("OCSP_RESPONDER", listed.getString("purpose"));
    X509CertificateHolder responder = Pki.certificate(listed.getString("certificatePem"));
    assertTrue(Pki.signedBy(responder, root));
    assertEquals(root.getSubject(), responder.getIssuer());
    assertTrue(
        org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
            .hasKeyPurposeId(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning));
    assertTrue(
        responder.getExtension(
                org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)
            != null);
    assertFalse(BasicConstraints.fromExtensions(responder.getExtensions()).isCA());

    var templates = owner.get("/api/v1/cas/" + id + "/templates").array();
    assertEquals("Web Server", templates.getJsonObject(0).getString("name"));
  }

  @Test
  void editServiceUrlsAndDelete() {
    JsonObject created = create(ca("IT Edited Root").add("keyType", "EC"));
    String id = created.getString("id");
    Api.Reply edited =
        owner.patch(
            "/api/v1/cas/" + id,
            Json.createObjectBuilder()
                .add("cpsText", "Our practice statement")
                .add("cpsUrl", "https://pki.example.test/cps")
                .add("serviceKeyType", "RSA")
                .add("serviceKeySize", 3072)
                .add("serviceSignatureHash", "SHA-384")
                .build());
    assertEquals(200, edited.status(), edited::toString);
    JsonObject after = owner.get("/api/v1/cas/" + id).json();
    assertEquals("Our practice statement", after.getString("cpsText"));
    assertEquals("https://pki.example.test/cps", after.getString("cpsUrl"));
    JsonObject service = after.getJsonObject("serviceCertificate");
    assertEquals("RSA", service.getString("keyType"));
    assertEquals(3072, service.getInt("keySize"));
    assertEquals("SHA384", service.getString("signatureHash"));
    assertInvalid(
        owner.patch(
            "/api/v1/cas/" + id,
            Json.createObjectBuilder().add("serviceSignatureHash", "MD5").build()),
        "serviceSignatureHash");
    assertInvalid(
        owner.patch(
            "/api/v1/cas/" + id,
            Json.createObjectBuilder().add("serviceKeyType", "ML_DSA").build()),
        "serviceKeyType");
    assertInvalid(
        owner.patch(
            "/api/v1/cas/" + id, Json.createObjectBuilder().add("cpsUrl", "ftp://x").build()),
        "cpsUrl");

    JsonObject urls = owner.get("/api/v1/cas/" + id + "/urls").json();
    assertEquals(Api.BASE_URL + "/pki/ca/" + id + ".crt", urls.getString("caCertificate"));
    assertEquals(Api.BASE_URL + "/pki/crl/" + id + ".crl", urls.getString("crl"));
    assertEquals(Api.BASE_URL + "/pki/ocsp/" + id, urls.getString("ocsp"));
    assertEquals(Api.BASE_URL + "/pki/tsa/" + id, urls.getString("timestamping"));
    assertEquals(
        urls,
        Api.anonymous().get("/api/v1/cas/" + id + "/urls").json(),
        "public, as the README says");

    assertEquals(204, owner.delete("/api/v1/cas/" + id).status());
    assertProblem(owner.get("/api/v1/cas/" + id), 404);
    assertEquals(404, Api.anonymous().get("/pki/ca/" + id + ".crt").status());
    assertProblem(owner.delete("/api/v1/cas/" + id), 404);
  }
}
