package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The intake policy as clients meet it: ACME certificates hold only validated names whatever the
 * CSR's subject says; malformed CSRs are 400 problems, never server errors; an oversized key is
 * refused before the server spends anything on it; a URI holding commas stays one name.
 */
class IntakePolicyIT extends ServerIT {

  private final Api owner = Api.newUser();
  private final String caId =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("Intake Root").add("keyType", "EC").build())
          .json()
          .getString("id");

  private String template(String name, String starter) {
    return owner
        .post(
            "/api/v1/cas/" + caId + "/templates",
            Json.createObjectBuilder().add("name", name).add("starter", starter).build())
        .json()
        .getString("id");
  }

  @Test
  void acmeCertificateHoldsOnlyValidatedNamesWhateverTheCsrSubjectSays() throws Exception {
    AcmeFixture acme = new AcmeFixture("Intake ACME " + System.nanoTime(), "*.intake.test");
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain("a.intake.test").create();
    assertEquals(Status.READY, order.getStatus());

    // the attack of the issue: a second CN in the same RDN, and groups a Kubernetes API server
    // would believe
    byte[] multiValued =
        csr(
            Csrs.keys("EC"),
            "CN=a.intake.test+CN=prod.intake.test,O=system:masters,OU=admins",
            List.of("a.intake.test"));
    AcmeServerException refused =
        assertThrows(AcmeServerException.class, () -> order.execute(multiValued));
    assertEquals(
        "urn:ietf:params:acme:error:badCSR", refused.getType().toString(), refused::getMessage);
    order.fetch();
    assertEquals(Status.READY, order.getStatus(), "a refused CSR leaves the order ready");

    byte[] extraAttributes =
        csr(
            Csrs.keys("EC"),
            "CN=a.intake.test,O=system:masters,OU=admins",
            List.of("a.intake.test"));
    order.execute(extraAttributes);
    assertEquals(Status.VALID, order.waitForCompletion(java.time.Duration.ofSeconds(30)));
    X509Certificate leaf = order.getCertificate().getCertificate();
    X509CertificateHolder holder = new X509CertificateHolder(leaf.getEncoded());
    assertEquals(
        new X500Name("CN=a.intake.test"),
        holder.getSubject(),
        "the subject is built on the server");
    assertEquals(
        List.of("a.intake.test"),
        leaf.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList());
  }

  @Test
  void nulInACommonNameIsA400Problem() throws Exception {
    String web = template("Web", "WEB_SERVER");
    X500Name subject =
        new X500Name(
            new RDN[] {new RDN(BCStyle.CN, new DERUTF8String("www.intake.test\u0000.evil.test"))});
    KeyPair keys = Csrs.keys("EC");
    PKCS10CertificationRequest csr =
        new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(Pki.BC)
                    .build(keys.getPrivate()));
    JsonObject problem = assertInvalid(submit(web, Pki.pem(csr)), "csr");
    assertTrue(problem.getString("detail").contains("U+0000"), problem::toString);
  }

  /**
   * Issue 13: a CSR with the subjectAltName extension twice answered 500 on REST submit, public
   * request, claim and ACME finalize. Each channel now refuses it in its own words and keeps what
   * it had: 400 naming the field, the claim token still good, the ACME order still ready.
   */
  @Test
  void aRepeatedSubjectAltNameExtensionIsRefusedOnEveryChannel() throws Exception {
    String csr = Pki.pem(repeatedSanCsr(Csrs.keys("EC"), "a.intake.test"));

    assertInvalid(submit(template("Web", "WEB_SERVER"), csr), "csr");

    String clients = template("Clients", "CLIENT_AUTHENTICATION");
    Api.Reply opened = owner.allowPublicRequests(clients);
    assertEquals(200, opened.status(), opened::toString);
    assertInvalid(
        Api.anonymous()
            .post(
                "/api/v1/templates/" + clients + "/public",
                Json.createObjectBuilder()
                    .add("email", "twice@intake.test")
                    .add("csr", csr)
                    .build()),
        "csr");

    String token =
        owner
            .post(
                "/api/v1/templates/" + clients + "/preapproved",
                Json.createObjectBuilder().add("subject", "CN=twice").build())
            .json()
            .getString("claimToken");
    assertInvalid(claim(token, csr), "csr");
    Api.Reply claimed = claim(token, Csrs.csr(Csrs.keys("EC"), "CN=twice", List.of()));
    assertEquals(201, claimed.status(), () -> "the refusal kept the claim: " + claimed);

    AcmeFixture acme = new AcmeFixture("Intake twice " + System.nanoTime(), "*.intake.test");
    Order order =
        acme.register(AcmeFixture.accountKey()).newOrder().domain("a.intake.test").create();
    byte[] der = repeatedSanCsr(Csrs.keys("EC"), "a.intake.test").getEncoded();
    AcmeServerException refused = assertThrows(AcmeServerException.class, () -> order.execute(der));
    assertEquals(
        "urn:ietf:params:acme:error:badCSR", refused.getType().toString(), refused::getMessage);
    order.fetch();
    assertEquals(Status.READY, order.getStatus(), "a refused CSR leaves the order ready");
  }

  @Test
  void aSixteenKilobitKeyOnThePublicRenewalEndpointIsRefusedBeforeItCostsAnything()
      throws Exception {
    String pem = Pki.pem(oversizedRsaCsr());
    Api.Reply warmUp = renew(pem);
    assertInvalid(warmUp, "csr");
    assertTrue(warmUp.json().getString("detail").contains("8192"), warmUp::toString);

    // The whole server's CPU is measured around each refusal, so its timers, the JIT and the
    // collector count too: the cheapest of up to ten refusals, spaced out, is the refusal's cost.
    long pid = wildFlyPid();
    long fastest = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 10 && fastest >= 50; attempt++) {
      Thread.sleep(attempt * 100L);
      long before = cpuMillis(pid);
      assertInvalid(renew(pem), "csr");
      fastest = Math.min(fastest, cpuMillis(pid) - before);
    }
    assertTrue(fastest < 50, "the refusal cost the server " + fastest + " ms of CPU");
  }

  @Test
  void aUriHoldingCommasStaysOneNameFromPreApprovalToClaim() throws Exception {
    String clients = template("Clients", "CLIENT_AUTHENTICATION");
    String uri = "URI:https://svc.intake.test/a,b?c=1,2";
    Api.Reply approved =
        owner.post(
            "/api/v1/templates/" + clients + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=svc")
                .add(
                    "subjectAltNames",
                    Json.createArrayBuilder().add(uri).add("DNS:svc.intake.test"))
                .build());
    assertEquals(201, approved.status(), approved::toString);
    JsonObject request = approved.json().getJsonObject("request");
    assertEquals(
        List.of(uri, "DNS:svc.intake.test"),
        request
            .getJsonArray("approvedSubjectAltNames")
            .getValuesAs(jakarta.json.JsonString::getString));

    Api.Reply claimed =
        Api.anonymous()
            .post(
                "/api/v1/claims",
                Json.createObjectBuilder()
                    .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=ignored", List.of()))
                    .build(),
                "Claim-Token",
                approved.json().getString("claimToken"));
    assertEquals(201, claimed.status(), claimed::toString);
    X509CertificateHolder certificate = Pki.certificate(claimed.json().getString("certificatePem"));
    GeneralName[] names =
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
            .getNames();
    assertEquals(2, names.length);
    assertEquals("https://svc.intake.test/a,b?c=1,2", names[0].getName().toString());
    assertEquals(new X500Name("CN=svc"), certificate.getSubject());
    JsonObject issued =
        owner.get("/api/v1/certificates/" + claimed.json().getString("certificateId")).json();
    assertEquals(
        List.of(uri, "DNS:svc.intake.test"),
        issued.getJsonArray("subjectAltNames").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void aTlsServerCertificateAlwaysNamesItsHost() throws Exception {
    String web = template("TLS names", "WEB_SERVER");
    String path = "/api/v1/templates/" + web + "/certificates";
    // a CN-only CSR, as devices and micromdm's scepclient send
    Api.Reply issued =
        owner.post(
            path,
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=nas.intake.test", List.of()))
                .build());
    assertEquals(201, issued.status(), issued::toString);
    X509CertificateHolder certificate = Pki.certificate(issued.json().getString("certificatePem"));
    GeneralName[] names =
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
            .getNames();
    assertEquals(1, names.length);
    assertEquals(GeneralName.dNSName, names[0].getTagNo());
    assertEquals("nas.intake.test", names[0].getName().toString());

    // a pre-approval stores what the certificate will name, for the claim page and the API
    Api.Reply approved =
        owner.post(
            "/api/v1/templates/" + web + "/preapproved",
            Json.createObjectBuilder().add("subject", "CN=kiosk.intake.test").build());
    assertEquals(201, approved.status(), approved::toString);
    assertEquals(
        List.of("DNS:kiosk.intake.test"),
        approved
            .json()
            .getJsonObject("request")
            .getJsonArray("approvedSubjectAltNames")
            .getValuesAs(jakarta.json.JsonString::getString));

    // nothing names a host: the one call is refused and keeps nothing
    int before = owner.get("/api/v1/cas/" + caId + "/certificates").total();
    String unnamed = Csrs.csr(Csrs.keys("EC"), "CN=Web Server 1,O=Intake", List.of());
    JsonObject refused =
        assertInvalid(
            owner.post(path, Json.createObjectBuilder().add("csr", unnamed).build()),
            "subjectAltNames");
    assertTrue(refused.getString("detail").contains("serverAuth"), refused::toString);
    assertEquals(before, owner.get("/api/v1/cas/" + caId + "/certificates").total());

    // the queue takes it, for the person signing to name the host
    Api.Reply queued = submit(web, unnamed);
    assertEquals(201, queued.status(), queued::toString);
    String sign = "/api/v1/requests/" + queued.json().getString("id") + "/sign";
    assertInvalid(owner.post(sign, jakarta.json.JsonValue.EMPTY_JSON_OBJECT), "subjectAltNames");
    assertEquals(before, owner.get("/api/v1/cas/" + caId + "/certificates").total());
    Api.Reply signed =
        owner.post(
            sign,
            Json.createObjectBuilder()
                .add("subjectAltNames", Json.createArrayBuilder().add("DNS:web1.intake.test"))
                .build());
    assertEquals(200, signed.status(), signed::toString);
    assertEquals(
        List.of("DNS:web1.intake.test"),
        signed
            .json()
            .getJsonArray("subjectAltNames")
            .getValuesAs(jakarta.json.JsonString::getString));
  }

  // helpers

  private Api.Reply submit(String templateId, String csrPem) {
    return owner.post(
        "/api/v1/templates/" + templateId + "/requests",
        Json.createObjectBuilder().add("csr", csrPem).build());
  }

  private static Api.Reply claim(String token, String csrPem) {
    return Api.anonymous()
        .post(
            "/api/v1/claims",
            Json.createObjectBuilder().add("csr", csrPem).build(),
            "Claim-Token",
            token);
  }

  /** A CSR whose extensionRequest holds subjectAltName twice (RFC 5280 §4.2 forbids it). */
  private static PKCS10CertificationRequest repeatedSanCsr(KeyPair keys, String name)
      throws Exception {
    Extension first =
        new Extension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, name)).getEncoded());
    Extension second =
        new Extension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, "other." + name)).getEncoded());
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), keys.getPublic())
        .addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
            new DERSequence(new ASN1Encodable[] {first, second}))
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(Pki.BC)
                .build(keys.getPrivate()));
  }

  private Api.Reply renew(String csrPem) {
    return Api.anonymous()
        .post(
            "/api/v1/cas/" + caId + "/renewals",
            Json.createObjectBuilder().add("csr", csrPem).build());
  }

  private static byte[] csr(KeyPair keys, String subject, List<String> dnsNames) {
    try {
      return Pki.csr(Csrs.csr(keys, subject, dnsNames)).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A CSR for a 16384-bit RSA modulus with no small factors (so a provider would test it, not
   * refuse it at once) and a signature nobody could check cheaply; making a real key of that size
   * would take the test minutes.
   */
  private static PKCS10CertificationRequest oversizedRsaCsr() throws Exception {
    BigInteger smallPrimes = BigInteger.ONE;
    for (int p = 3; p < 2000; p += 2) {
      if (BigInteger.valueOf(p).isProbablePrime(30)) {
        smallPrimes = smallPrimes.multiply(BigInteger.valueOf(p));
      }
    }
    SecureRandom random = new SecureRandom();
    BigInteger modulus;
    do {
      modulus = new BigInteger(16384, random).setBit(16383).setBit(0);
    } while (!modulus.gcd(smallPrimes).equals(BigInteger.ONE));
    SubjectPublicKeyInfo key =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new RSAPublicKey(modulus, BigInteger.valueOf(65537)));
    CertificationRequestInfo info =
        new CertificationRequestInfo(new X500Name("CN=big.intake.test"), key, new DERSet());
    byte[] signature = new byte[2048];
    random.nextBytes(signature);
    return new PKCS10CertificationRequest(
        new CertificationRequest(
            info,
            new AlgorithmIdentifier(
                PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE),
            new DERBitString(signature)));
  }

  /** The WildFly this suite runs against: the java process started with this suite's public URL. */
  private static long wildFlyPid() throws Exception {
    String marker = "-Dpkiaas.public.url=" + Api.BASE_URL + "\0";
    List<Long> found = new ArrayList<>();
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String commandLine =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
          if (commandLine.contains(marker) && commandLine.contains("jboss-modules")) {
            found.add(Long.parseLong(process.getFileName().toString()));
          }
        } catch (java.io.IOException gone) {
          // the process ended while we looked
        }
      }
    }
    assertEquals(1, found.size(), () -> "WildFly processes with " + marker.trim() + ": " + found);
    return found.get(0);
  }

  /** utime + stime of a process (proc(5), fields 14 and 15), in milliseconds. */
  private static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    long ticksPerSecond = Long.parseLong(Tools.ok(Path.of("/tmp"), "getconf", "CLK_TCK").trim());
    return ticks * 1000 / ticksPerSecond;
  }
}
