package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit CSR → pending → sign (with overrides) / decline → issued certificates → revoke, hold,
 * release.
 */
class IssuanceIT extends ServerIT {

  private final Api owner = Api.newUser();
  private final JsonObject ca =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("Issuance Root").add("keyType", "EC").build())
          .json();
  private final String caId = ca.getString("id");
  private final String webServer =
      owner.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");

  private JsonObject submit(String templateId, String csr) {
    Api.Reply reply =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder().add("csr", csr).build());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private String csr(String cn, String... dns) {
    return Csrs.csr(Csrs.keys("EC"), "CN=" + cn, List.of(dns));
  }

  @Test
  void theRequestListIsPagedAndTheCertificateListTellsSubscribersFromServices() throws Exception {
    for (String name : List.of("one", "two", "three")) {
      submit(webServer, csr(name + ".paging.test", name + ".paging.test"));
      Thread.sleep(5); // received times are kept to the millisecond
    }
    String list = "/api/v1/cas/" + caId + "/requests?search=paging.test&size=2";
    Api.Reply first = owner.get(list);
    assertEquals(2, first.array().size());
    assertEquals("3", first.headers().firstValue("X-Total-Count").orElseThrow());
    assertTrue(
        first.headers().firstValue("Link").orElseThrow().contains("page=1"),
        first.headers().toString());
    assertEquals(
        "CN=three.paging.test",
        first.array().getJsonObject(0).getString("subject"),
        "newest first");
    Api.Reply last = owner.get(list + "&page=1");
    assertEquals(1, last.array().size());
    assertFalse(last.headers().firstValue("Link").isPresent(), "no page after the last");
    assertInvalid(owner.get("/api/v1/cas/" + caId + "/requests?size=100000"), "size");

    JsonObject pending = owner.get(list).array().getJsonObject(0);
    owner.post(
        "/api/v1/requests/" + pending.getString("id") + "/sign",
        Json.createObjectBuilder().build());
    // the first OCSP request gives the CA its responder certificate, a certificate the CA issued to
    // itself
    StatusPki.basic(
        Api.anonymous()
            .post(
                "/pki/ocsp/" + caId,
                "application/ocsp-request",
                new org.bouncycastle.cert.ocsp.OCSPReqBuilder()
                    .addRequest(
                        new org.bouncycastle.cert.ocsp.CertificateID(
                            new org.bouncycastle.operator.jcajce
                                    .JcaDigestCalculatorProviderBuilder()
                                .setProvider(Pki.BC)
                                .build()
                                .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                            Pki.certificate(ca.getString("certificatePem")),
                            java.math.BigInteger.ONE))
                    .build()
                    .getEncoded()));
    String certificates = "/api/v1/cas/" + caId + "/certificates";
    assertEquals(1, owner.get(certificates + "?issuedTo=subscriber").total());
    assertEquals(1, owner.get(certificates + "?issuedTo=service").total());
    assertEquals(2, owner.get(certificates).total());
    assertInvalid(owner.get(certificates + "?issuedTo=everyone"), "issuedTo");
  }

  @Test
  void csrWaitsForApprovalAndIsSignedWithOverrides() throws Exception {
    JsonObject pending = submit(webServer, csr("app.example.test", "app.example.test"));
    assertEquals("PENDING", pending.getString("status"));
    assertEquals("CSR", pending.getString("kind"));
    assertEquals("CN=app.example.test", pending.getString("subject"));
    assertEquals(
        List.of("DNS:app.example.test"),
        pending.getJsonArray("subjectAltNames").getValuesAs(JsonValue::toString).stream()
            .map(s -> s.replace("\"", ""))
            .toList());
    assertTrue(
        owner.get("/api/v1/cas/" + caId + "/requests?status=PENDING").array().stream()
            .anyMatch(r -> r.asJsonObject().getString("id").equals(pending.getString("id"))));

    Api.Reply signed =
        owner.post(
            "/api/v1/requests/" + pending.getString("id") + "/sign",
            Json.createObjectBuilder()
                .add("subject", "O=Example,CN=www.example.test")
                .add(
                    "subjectAltNames",
                    Json.createArrayBuilder().add("DNS:www.example.test").add("DNS:example.test"))
                .add("validityDays", 30)
                .build());
    assertEquals(200, signed.status(), signed::toString);
    JsonObject issued = signed.json();
    assertEquals("VALID", issued.getString("status"));
    assertEquals(webServer, issued.getString("templateId"));
    X509CertificateHolder certificate = Pki.certificate(issued.getString("certificatePem"));
    assertEquals("O=Example,CN=www.example.test", certificate.getSubject().toString());
    assertEquals(
        2,
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
            .getNames()
            .length);
    assertEquals(
        Duration.ofDays(30),
        Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
    assertTrue(Pki.signedBy(certificate, Pki.certificate(ca.getString("certificatePem"))));

    JsonObject after = owner.get("/api/v1/requests/" + pending.getString("id")).json();
    assertEquals("ISSUED", after.getString("status"));
    assertEquals(issued.getString("id"), after.getString("certificateId"));
    assertProblem(
        owner.post(
            "/api/v1/requests/" + pending.getString("id") + "/sign", JsonValue.EMPTY_JSON_OBJECT),
        409);
    assertProblem(
        owner.post(
            "/api/v1/requests/" + pending.getString("id") + "/decline",
            JsonValue.EMPTY_JSON_OBJECT),
        409);
  }

  /**
   * The one-call endpoint as an integrator's script drives it: openssl makes the key and CSR, curl
   * posts it with the sign call's overrides, openssl checks the certificate against the CA. The
   * same intake policy refuses what the sign call refuses, and a refusal leaves nothing behind.
   */
  @Test
  void oneCallIssuesFromACsrWithTheSignCallsOverrides(@TempDir Path dir) throws Exception {
    Path csrFile = Csrs.openssl(dir, "one", "one.call.test");
    Files.writeString(
        dir.resolve("body.json"),
        Json.createObjectBuilder()
            .add("csr", Files.readString(csrFile))
            .add(
                "overrides",
                Json.createObjectBuilder()
                    .add("subject", "O=Example,CN=one.call.test")
                    .add("validityDays", 10))
            .build()
            .toString());
    String status =
        Tools.ok(
            dir,
            "curl",
            "-sS",
            "-o",
            "answer.json",
            "-D",
            "headers.txt",
            "-w",
            "%{http_code}",
            "-u",
            owner.username() + ":" + owner.password(),
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            "@body.json",
            Api.BASE_URL + "/api/v1/templates/" + webServer + "/certificates");
    assertEquals("201", status.trim(), () -> read(dir, "answer.json"));
    JsonObject issued =
        Json.createReader(new java.io.StringReader(read(dir, "answer.json"))).readObject();
    assertTrue(
        read(dir, "headers.txt").contains("/api/v1/certificates/" + issued.getString("id")),
        "Location names the certificate");
    Files.writeString(dir.resolve("one.pem"), issued.getString("certificatePem"));
    Files.writeString(dir.resolve("ca.pem"), ca.getString("certificatePem"));
    assertTrue(
        Tools.ok(dir, "openssl", "verify", "-CAfile", "ca.pem", "one.pem").contains("OK"),
        "openssl verifies the certificate against the CA");
    String text = Tools.ok(dir, "openssl", "x509", "-in", "one.pem", "-noout", "-text");
    assertTrue(text.contains("Subject: O = Example, CN = one.call.test"), text);
    assertTrue(text.contains("DNS:one.call.test"), text);
    X509CertificateHolder certificate = Pki.certificate(issued.getString("certificatePem"));
    assertEquals(
        Duration.ofDays(10),
        Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
    JsonObject request = owner.get("/api/v1/requests/" + issued.getString("requestId")).json();
    assertEquals("ISSUED", request.getString("status"), "kept in the queue's history");
    assertEquals(issued.getString("id"), request.getString("certificateId"));
    // one audit event records it: the issuance's own, naming the caller
    List<JsonObject> recorded =
        AuditLogIT.events(owner).getValuesAs(JsonObject.class).stream()
            .filter(e -> issued.getString("id").equals(e.getString("objectId", null)))
            .toList();
    assertEquals(
        List.of("certificate.issue by " + owner.username()),
        recorded.stream().map(e -> e.getString("action") + " by " + e.getString("actor")).toList(),
        recorded::toString);

    // what the sign call refuses, this refuses; nothing is left behind
    int requests = owner.get("/api/v1/cas/" + caId + "/requests").total();
    int certificates = owner.get("/api/v1/cas/" + caId + "/certificates").total();
    String path = "/api/v1/templates/" + webServer + "/certificates";
    String csr = csr("refused.call.test", "refused.call.test");
    assertInvalid(
        owner.post(path, Json.createObjectBuilder().add("csr", "garbage").build()), "csr");
    assertInvalid(owner.post(path, JsonValue.EMPTY_JSON_OBJECT), "csr");
    assertInvalid(
        owner.post(
            path,
            Json.createObjectBuilder()
                .add("csr", csr)
                .add(
                    "overrides",
                    Json.createObjectBuilder()
                        .add(
                            "subjectAltNames",
                            Json.createArrayBuilder().add("EMAIL:x@example.test")))
                .build()),
        "subjectAltNames");
    assertInvalid(
        owner.post(
            path,
            Json.createObjectBuilder()
                .add("csr", csr)
                .add("overrides", Json.createObjectBuilder().add("validityDays", 0))
                .build()),
        "overrides.validityDays");
    assertProblem(
        Api.newUser().post(path, Json.createObjectBuilder().add("csr", csr).build()), 404);
    assertEquals(requests, owner.get("/api/v1/cas/" + caId + "/requests").total());
    assertEquals(certificates, owner.get("/api/v1/cas/" + caId + "/certificates").total());
    assertTrue(
        AuditLogIT.events(owner).getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    "request.issue".equals(e.getString("action"))
                        && "FAILURE".equals(e.getString("outcome"))),
        "a refused one-call issuance is recorded as such");
  }

  /**
   * The one call serves its template and CA from what the node read a moment ago; a change made on
   * the node counts for the very next certificate: a new validity, a disabled template, a retired
   * CA. Each call in turn comes after a certificate was issued, so the node holds the old rows.
   */
  @Test
  void oneCallSeesChangesToItsTemplateAndCaAtOnce() throws Exception {
    String path = "/api/v1/templates/" + webServer + "/certificates";
    JsonObject body =
        Json.createObjectBuilder().add("csr", csr("fresh.call.test", "fresh.call.test")).build();
    int days =
        owner
            .get("/api/v1/templates/" + webServer)
            .json()
            .getJsonObject("general")
            .getInt("validityDays");
    assertEquals(days, validityDays(issue(path, body)), "the template's validity");
    changeGeneral(general -> general.add("validityDays", 12));
    assertEquals(12, validityDays(issue(path, body)), "the new validity, at once");

    changeGeneral(general -> general.add("enabled", false));
    JsonObject disabled = assertProblem(owner.post(path, body), 409);
    assertTrue(disabled.getString("detail").contains("disabled"), disabled::toString);
    changeGeneral(general -> general.add("enabled", true));
    assertEquals(12, validityDays(issue(path, body)), "enabled again");

    assertProblem(Api.newUser().post(path, body), 404);
    Api.Reply retired = owner.post("/api/v1/cas/" + caId + "/retire", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(200, retired.status(), retired::toString);
    JsonObject refused = assertProblem(owner.post(path, body), 409);
    assertTrue(refused.getString("detail").contains("retired"), refused::toString);
  }

  /**
   * Concurrent one calls share their transactions ({@code OneCallIssuance}): every caller still
   * gets its own certificate, stored when it is answered, traced to its own request record and
   * audited once; none is lost or stored twice.
   */
  @Test
  void concurrentOneCallsEachGetTheirOwnStoredTracedAndAuditedCertificate() throws Exception {
    String path = "/api/v1/templates/" + webServer + "/certificates";
    int before = owner.get("/api/v1/cas/" + caId + "/certificates").total();
    int callers = 8;
    int each = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(callers);
    List<java.util.concurrent.Future<List<JsonObject>>> running = new java.util.ArrayList<>();
    try {
      for (int c = 0; c < callers; c++) {
        String name = "caller" + c + ".group.test";
        running.add(
            pool.submit(
                () -> {
                  List<JsonObject> mine = new java.util.ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    String host = i + "." + name;
                    Api.Reply reply =
                        owner.post(
                            path, Json.createObjectBuilder().add("csr", csr(host, host)).build());
                    assertEquals(201, reply.status(), reply::toString);
                    JsonObject issued = reply.json();
                    // stored by the time it is answered
                    Api.Reply stored = owner.get("/api/v1/certificates/" + issued.getString("id"));
                    assertEquals(200, stored.status(), stored::toString);
                    assertEquals(
                        issued.getString("certificatePem"),
                        stored.json().getString("certificatePem"));
                    assertTrue(
                        Pki.certificate(issued.getString("certificatePem"))
                            .getSubject()
                            .toString()
                            .contains(host),
                        "each caller gets its own certificate");
                    mine.add(issued);
                  }
                  return mine;
                }));
      }
      List<JsonObject> all = new java.util.ArrayList<>();
      for (var caller : running) {
        all.addAll(caller.get(120, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertEquals(callers * each, all.stream().map(c -> c.getString("id")).distinct().count());
      assertEquals(
          before + callers * each, owner.get("/api/v1/cas/" + caId + "/certificates").total());
      java.util.Map<String, Long> audited =
          AuditLogIT.events(owner).getValuesAs(JsonObject.class).stream()
              .filter(e -> "certificate.issue".equals(e.getString("action")))
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      e -> e.getString("objectId"), java.util.stream.Collectors.counting()));
      for (JsonObject issued : all) {
        JsonObject request = owner.get("/api/v1/requests/" + issued.getString("requestId")).json();
        assertEquals("ISSUED", request.getString("status"), request::toString);
        assertEquals(issued.getString("id"), request.getString("certificateId"));
        assertEquals(1L, audited.get(issued.getString("id")), "audited once: " + issued);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String issue(String path, JsonObject body) {
    Api.Reply reply = owner.post(path, body);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("certificatePem");
  }

  private void changeGeneral(java.util.function.Consumer<jakarta.json.JsonObjectBuilder> change) {
    Api.Reply reply = owner.changeGeneral(webServer, change);
    assertEquals(200, reply.status(), reply::toString);
  }

  private static long validityDays(String pem) {
    X509CertificateHolder certificate = Pki.certificate(pem);
    return Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
        .toDays();
  }

  private static String read(Path dir, String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void declineApproveAndBulkActions() {
    JsonObject declined = submit(webServer, csr("declined.example.test"));
    JsonObject result =
        owner
            .post(
                "/api/v1/requests/" + declined.getString("id") + "/decline",
                Json.createObjectBuilder().add("reason", "not ours").build())
            .json();
    assertEquals("DECLINED", result.getString("status"));
    assertEquals("not ours", result.getString("declineReason"));
    assertProblem(
        owner.post(
            "/api/v1/requests/"
                + submit(webServer, csr("a.example.test")).getString("id")
                + "/approve",
            JsonValue.EMPTY_JSON_OBJECT),
        409);

    String first =
        submit(webServer, csr("bulk1.example.test", "bulk1.example.test")).getString("id");
    String second =
        submit(webServer, csr("bulk2.example.test", "bulk2.example.test")).getString("id");
    JsonArray outcomes =
        owner
            .post(
                "/api/v1/requests/bulk",
                Json.createObjectBuilder()
                    .add("action", "sign")
                    .add(
                        "ids",
                        Json.createArrayBuilder()
                            .add(first)
                            .add("no-such-request")
                            .add(second)
                            .add(declined.getString("id")))
                    .build())
            .array();
    assertEquals(
        List.of("OK", "FAILED", "OK", "FAILED"),
        outcomes.stream().map(o -> o.asJsonObject().getString("outcome")).toList());
    assertEquals(
        "Certificate request no-such-request was not found",
        outcomes.getJsonObject(1).getString("detail"));
    assertFalse(outcomes.getJsonObject(0).isNull("certificateId"));
    assertEquals("ISSUED", owner.get("/api/v1/requests/" + second).json().getString("status"));
    assertInvalid(
        owner.post(
            "/api/v1/requests/bulk",
            Json.createObjectBuilder()
                .add("action", "explode")
                .add("ids", Json.createArrayBuilder().add(first))
                .build()),
        "action");
    String waiting =
        submit(webServer, csr("bulk3.example.test", "bulk3.example.test")).getString("id");
    JsonArrayBuilder tooMany = Json.createArrayBuilder();
    for (int i = 0; i <= 500; i++) {
      tooMany.add(waiting);
    }
    Api.Reply refused =
        owner.post(
            "/api/v1/requests/bulk",
            Json.createObjectBuilder().add("action", "decline").add("ids", tooMany).build());
    assertInvalid(refused, "ids");
    assertTrue(refused.text().contains("500"), refused::toString);
    assertEquals(
        "PENDING",
        owner.get("/api/v1/requests/" + waiting).json().getString("status"),
        "a refused bulk call acts on none of its requests");
  }

  @Test
  void badRequestsAreRefusedAndLeaveNothingBehind() throws Exception {
    int before = owner.get("/api/v1/cas/" + caId + "/requests").array().size();
    assertInvalid(
        owner.post(
            "/api/v1/templates/" + webServer + "/requests",
            Json.createObjectBuilder().add("csr", "garbage").build()),
        "csr");
    String good = csr("tampered.example.test");
    String body = good.substring(good.indexOf('\n') + 1, good.indexOf("-----END"));
    char[] chars = body.toCharArray();
    chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
    String tampered =
        "-----BEGIN CERTIFICATE REQUEST-----\n"
            + new String(chars)
            + "-----END CERTIFICATE REQUEST-----\n";
    assertInvalid(
        owner.post(
            "/api/v1/templates/" + webServer + "/requests",
            Json.createObjectBuilder().add("csr", tampered).build()),
        "csr");

    String smime =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder().add("name", "Mail").add("starter", "SMIME").build())
            .json()
            .getString("id");
    JsonObject settings = owner.get("/api/v1/templates/" + smime).json();
    assertEquals(
        200,
        owner
            .put(
                "/api/v1/templates/" + smime,
                Json.createObjectBuilder()
                    .add(
                        "requests",
                        Json.createObjectBuilder(settings.getJsonObject("requests"))
                            .add("allowedKeyTypes", Json.createArrayBuilder().add("RSA")))
                    .build())
            .status());
    JsonObject refusedKey =
        assertInvalid(
            owner.post(
                "/api/v1/templates/" + smime + "/requests",
                Json.createObjectBuilder().add("csr", csr("someone")).build()),
            "csr");
    assertTrue(refusedKey.getString("detail").contains("does not accept"), refusedKey::toString);
    assertInvalid(
        owner.post(
            "/api/v1/templates/" + smime + "/requests",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(Csrs.keys("RSA"), "CN=someone", List.of("host.example.test")))
                .build()),
        "subjectAltNames");
    assertEquals(
        before,
        owner.get("/api/v1/cas/" + caId + "/requests").array().size(),
        "refused requests are not queued");

    String pending = submit(webServer, csr("override.example.test")).getString("id");
    assertInvalid(
        owner.post(
            "/api/v1/requests/" + pending + "/sign",
            Json.createObjectBuilder()
                .add("subjectAltNames", Json.createArrayBuilder().add("EMAIL:x@example.test"))
                .build()),
        "subjectAltNames");
    assertInvalid(
        owner.post(
            "/api/v1/requests/" + pending + "/sign",
            Json.createObjectBuilder().add("validityDays", 0).build()),
        "validityDays");
    assertEquals(
        "PENDING",
        owner.get("/api/v1/requests/" + pending).json().getString("status"),
        "a failed sign changes nothing");
    assertEquals(
        0,
        owner
            .get(
                "/api/v1/cas/"
                    + caId
                    + "/certificates?templateId="
                    + webServer
                    + "&subject=override")
            .total(),
        "no certificate row is left behind");

    Api stranger = Api.newUser();
    assertProblem(
        stranger.post(
            "/api/v1/templates/" + webServer + "/requests",
            Json.createObjectBuilder().add("csr", good).build()),
        404);
    assertProblem(
        stranger.post("/api/v1/requests/" + pending + "/sign", JsonValue.EMPTY_JSON_OBJECT), 404);
    assertProblem(stranger.get("/api/v1/cas/" + caId + "/requests"), 404);
  }

  private JsonObject issue(String cn) {
    String id = submit(webServer, csr(cn, cn)).getString("id");
    return owner.post("/api/v1/requests/" + id + "/sign", JsonValue.EMPTY_JSON_OBJECT).json();
  }

  @Test
  void certificatesAreListedDownloadedRevokedAndReleased() throws Exception {
    JsonObject first = issue("one.list.test");
    JsonObject second = issue("two.list.test");
    Api.Reply page = owner.get("/api/v1/cas/" + caId + "/certificates?subject=list.test&size=1");
    assertEquals(2, page.total());
    assertEquals(1, page.array().size());
    assertTrue(
        page.headers().firstValue("Link").orElseThrow().contains("page=1"),
        "paged like every list: " + page.headers());
    assertEquals(
        second.getString("id"), page.array().getJsonObject(0).getString("id"), "newest first");
    assertEquals(
        1,
        owner
            .get("/api/v1/cas/" + caId + "/certificates?subject=list.test&size=1&page=1")
            .array()
            .size());
    assertInvalid(owner.get("/api/v1/cas/" + caId + "/certificates?status=WEIRD"), "status");
    assertInvalid(
        owner.get("/api/v1/cas/" + caId + "/certificates?expiresBefore=tomorrow"), "expiresBefore");
    assertEquals(
        0,
        owner
            .get(
                "/api/v1/cas/"
                    + caId
                    + "/certificates?subject=list.test&expiresBefore="
                    + Instant.now().plus(Duration.ofDays(30)))
            .total());

    String id = first.getString("id");
    X509CertificateHolder certificate = Pki.certificate(first.getString("certificatePem"));
    Api.Reply pem = owner.get("/api/v1/certificates/" + id, "application/x-pem-file");
    assertEquals(certificate, Pki.certificate(pem.text()));
    Api.Reply der = owner.get("/api/v1/certificates/" + id, "application/pkix-cert");
    assertEquals("application/pkix-cert", der.contentType());
    assertEquals(certificate, new X509CertificateHolder(der.bytes()));
    Api.Reply p7 = owner.get("/api/v1/certificates/" + id, "application/pkcs7-mime");
    assertEquals(2, new CMSSignedData(p7.bytes()).getCertificates().getMatches(null).size());
    assertEquals(
        2,
        Pki.certificates(owner.get("/api/v1/certificates/" + id + "?format=chain").text()).size());

    JsonObject held =
        owner
            .post(
                "/api/v1/certificates/" + id + "/revoke",
                Json.createObjectBuilder().add("reason", "certificateHold").build())
            .json();
    assertEquals("ON_HOLD", held.getString("status"));
    assertEquals(
        "VALID",
        owner
            .post("/api/v1/certificates/" + id + "/release", JsonValue.EMPTY_JSON_OBJECT)
            .json()
            .getString("status"));
    assertProblem(
        owner.post("/api/v1/certificates/" + id + "/release", JsonValue.EMPTY_JSON_OBJECT), 409);
    assertInvalid(
        owner.post(
            "/api/v1/certificates/" + id + "/revoke",
            Json.createObjectBuilder().add("reason", "boredom").build()),
        "reason");
    String compromised = Instant.now().minus(Duration.ofDays(1)).toString();
    JsonObject revoked =
        owner
            .post(
                "/api/v1/certificates/" + id + "/revoke",
                Json.createObjectBuilder()
                    .add("reason", "keyCompromise")
                    .add("invalidityDate", compromised)
                    .build())
            .json();
    assertEquals("REVOKED", revoked.getString("status"));
    assertEquals("keyCompromise", revoked.getString("revocationReason"));
    assertProblem(
        owner.post(
            "/api/v1/certificates/" + id + "/revoke",
            Json.createObjectBuilder().add("reason", "superseded").build()),
        409);
    assertEquals(1, owner.get("/api/v1/cas/" + caId + "/certificates?status=REVOKED").total());
    assertProblem(Api.newUser().get("/api/v1/certificates/" + id), 404);
    assertProblem(
        Api.newUser()
            .post(
                "/api/v1/certificates/" + second.getString("id") + "/revoke",
                JsonValue.EMPTY_JSON_OBJECT),
        404);
  }
}
