package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertInvalid;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pre-approved requests, public requests, claim links and the mail that carries them. */
@ExtendWith(MailServer.Running.class)
class ClaimsIT extends ServerIT {

  private static final Pattern CLAIM_URL = Pattern.compile("(http\\S+/claim\\.html#(\\S+))");

  private final Api owner = Api.newUser();
  private final JsonObject ca =
      owner
          .post(
              "/api/v1/cas",
              CertificateAuthoritiesIT.ca("Claims Root").add("keyType", "EC").build())
          .json();
  private final String clients =
      owner
          .post(
              "/api/v1/cas/" + ca.getString("id") + "/templates",
              Json.createObjectBuilder()
                  .add("name", "Clients")
                  .add("starter", "CLIENT_AUTHENTICATION")
                  .build())
          .json()
          .getString("id");

  private void allowPublicRequests() {
    Api.Reply opened = owner.allowPublicRequests(clients);
    assertEquals(200, opened.status(), opened::toString);
  }

  private JsonObject preApprove(String email) {
    var body =
        Json.createObjectBuilder()
            .add("subject", "CN=alice,O=Example")
            .add("subjectAltNames", Json.createArrayBuilder().add("EMAIL:alice@example.test"))
            .add("validityDays", 20);
    if (email != null) {
      body.add("email", email);
    }
    Api.Reply reply = owner.post("/api/v1/templates/" + clients + "/preapproved", body.build());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void anOfferWithoutItsOwnValidityNamesTheTemplates() {
    Api.Reply reply =
        owner.post(
            "/api/v1/templates/" + clients + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=bob")
                .add("subjectAltNames", Json.createArrayBuilder().add("EMAIL:bob@example.test"))
                .build());
    assertEquals(201, reply.status(), reply::toString);
    JsonObject offer = offer(reply.json().getString("claimToken")).json();
    int templateDays =
        owner
            .get("/api/v1/templates/" + clients)
            .json()
            .getJsonObject("general")
            .getInt("validityDays");
    assertEquals(templateDays, offer.getInt("validityDays"), offer::toString);
  }

  private static Api.Reply claim(String token, String csr) {
    return Api.anonymous()
        .post(
            "/api/v1/claims",
            Json.createObjectBuilder().add("csr", csr).build(),
            "Claim-Token",
            token);
  }

  /** The offer behind a claim token, which travels in a header and never in the URL. */
  static Api.Reply offer(String token) {
    return Api.anonymous().get("/api/v1/claims", "Claim-Token", token);
  }

  @Test
  void preApprovedRequestIsClaimedOnceWithTheApprovedSubject() throws Exception {
    String email = MailServer.mailbox();
    JsonObject created = preApprove(email);
    assertEquals("APPROVED", created.getJsonObject("request").getString("status"));
    String token = created.getString("claimToken");
    assertEquals(Api.BASE_URL + "/claim.html#" + token, created.getString("claimUrl"));

    String mail =
        MailServer.awaitMessage(email, text -> text.contains(token), Duration.ofSeconds(30));
    Matcher link = CLAIM_URL.matcher(mail);
    assertTrue(link.find(), mail);
    assertEquals(token, link.group(2), "the mailed link carries the token");

    JsonObject offer = offer(token).json();
    assertEquals("CN=alice,O=Example", offer.getString("subject"));
    assertEquals("Clients", offer.getString("templateName"));

    var keys = Csrs.keys("EC");
    Api.Reply claimed = claim(token, Csrs.csr(keys, "CN=mallory", List.of("mallory.example.test")));
    assertEquals(201, claimed.status(), claimed::toString);
    X509CertificateHolder certificate = Pki.certificate(claimed.json().getString("certificatePem"));
    assertEquals(
        "CN=alice,O=Example",
        certificate.getSubject().toString(),
        "the approved subject overrides the CSR's");
    assertTrue(
        certificate
            .getSubjectPublicKeyInfo()
            .equals(
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                    keys.getPublic().getEncoded())));
    assertEquals(
        Pki.certificate(ca.getString("certificatePem")),
        Pki.certificates(claimed.json().getString("chainPem")).get(0));

    assertProblem(claim(token, Csrs.csr(Csrs.keys("EC"), "CN=again", List.of())), 409);
    assertProblem(offer(token), 409);
    assertProblem(offer("not-a-token"), 404);
    assertProblem(Api.anonymous().get("/api/v1/claims"), 404);
    assertInvalid(claim(preApprove(null).getString("claimToken"), "garbage"), "csr");
  }

  @Test
  void preApprovalRedeemedAtOnceAndResent() throws Exception {
    Api.Reply redeemed =
        owner.post(
            "/api/v1/templates/" + clients + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=bob")
                .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=whatever", List.of()))
                .build());
    assertEquals(201, redeemed.status(), redeemed::toString);
    assertEquals(
        "CN=bob",
        Pki.certificate(redeemed.json().getJsonObject("certificate").getString("certificatePem"))
            .getSubject()
            .toString());
    assertEquals("ISSUED", redeemed.json().getJsonObject("request").getString("status"));

    String email = MailServer.mailbox();
    JsonObject created = preApprove(email);
    String first = created.getString("claimToken");
    JsonObject resent =
        owner
            .post(
                "/api/v1/requests/" + created.getJsonObject("request").getString("id") + "/resend",
                JsonValue.EMPTY_JSON_OBJECT)
            .json();
    String second = resent.getString("claimToken");
    MailServer.awaitMessage(email, text -> text.contains(second), Duration.ofSeconds(30));
    assertProblem(offer(first), 404);
    assertEquals(200, offer(second).status());
    var bulk =
        owner
            .post(
                "/api/v1/requests/bulk",
                Json.createObjectBuilder()
                    .add("action", "resend")
                    .add(
                        "ids",
                        Json.createArrayBuilder()
                            .add(created.getString("id"))
                            .add(redeemed.json().getString("id")))
                    .build())
            .array();
    assertEquals(
        List.of("OK", "FAILED"),
        bulk.stream().map(o -> o.asJsonObject().getString("outcome")).toList());
    assertProblem(offer(second), 404);

    assertInvalid(
        owner.post(
            "/api/v1/templates/" + clients + "/preapproved",
            Json.createObjectBuilder()
                .add("subjectAltNames", Json.createArrayBuilder().add("IP:10.0.0.1"))
                .build()),
        "subjectAltNames");
    assertInvalid(
        owner.post("/api/v1/templates/" + clients + "/preapproved", JsonValue.EMPTY_JSON_OBJECT),
        "subject");
    assertProblem(
        Api.newUser()
            .post(
                "/api/v1/templates/" + clients + "/preapproved",
                Json.createObjectBuilder().add("subject", "CN=x").build()),
        404);
  }

  @Test
  void theRequestSearchFindsApprovedNamesAsWellAsRequestedOnes() {
    allowPublicRequests();
    String tag = Long.toHexString(System.nanoTime());
    String email = MailServer.mailbox();
    Api.Reply asked =
        Api.anonymous()
            .post(
                "/api/v1/templates/" + clients + "/public",
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("subject", Json.createObjectBuilder().add("commonName", "asked-" + tag))
                    .build());
    assertEquals(201, asked.status(), asked::toString);
    String id = asked.json().getString("id");
    Api.Reply approved =
        owner.post(
            "/api/v1/requests/" + id + "/approve",
            Json.createObjectBuilder()
                .add("subject", "CN=given-" + tag)
                .add(
                    "subjectAltNames",
                    Json.createArrayBuilder().add("EMAIL:alias-" + tag + "@example.test"))
                .build());
    assertEquals(200, approved.status(), approved::toString);
    String requests = "/api/v1/cas/" + ca.getString("id") + "/requests?search=";
    for (String part : List.of("asked-" + tag, "GIVEN-" + tag, "alias-" + tag)) {
      JsonArray found = owner.get(requests + part).array();
      assertEquals(1, found.size(), part + ": " + found);
      assertEquals(id, found.getJsonObject(0).getString("id"), part);
    }
  }

  @Test
  void publicRequestsWaitForApprovalAndAreMailed() throws Exception {
    assertProblem(Api.anonymous().get("/api/v1/templates/" + clients + "/public"), 404);
    String invited = MailServer.mailbox();
    assertProblem(
        owner.post(
            "/api/v1/templates/" + clients + "/invitations",
            Json.createObjectBuilder().add("email", invited).build()),
        409);
    allowPublicRequests();
    assertEquals(
        "Clients",
        Api.anonymous()
            .get("/api/v1/templates/" + clients + "/public")
            .json()
            .getString("templateName"));
    assertEquals(
        200,
        owner
            .post(
                "/api/v1/templates/" + clients + "/invitations",
                Json.createObjectBuilder().add("email", invited).build())
            .status());
    MailServer.awaitMessage(
        invited,
        text -> text.contains("/request.html?template=" + clients),
        Duration.ofSeconds(30));
    assertInvalid(
        owner.post(
            "/api/v1/templates/" + clients + "/invitations",
            Json.createObjectBuilder().add("email", "nobody").build()),
        "email");

    String formEmail = MailServer.mailbox();
    Api.Reply form =
        Api.anonymous()
            .post(
                "/api/v1/templates/" + clients + "/public",
                Json.createObjectBuilder()
                    .add("email", formEmail)
                    .add("subject", Json.createObjectBuilder().add("commonName", "carol"))
                    .add("subjectAltNames", Json.createArrayBuilder().add("EMAIL:" + formEmail))
                    .build());
    assertEquals(201, form.status(), form::toString);
    String formId = form.json().getString("id");
    assertTrue(
        owner.get("/api/v1/cas/" + ca.getString("id") + "/requests?status=PENDING").array().stream()
            .anyMatch(r -> r.asJsonObject().getString("id").equals(formId)));
    assertProblem(
        owner.post("/api/v1/requests/" + formId + "/sign", JsonValue.EMPTY_JSON_OBJECT), 409);
    JsonObject approved =
        owner
            .post(
                "/api/v1/requests/" + formId + "/approve",
                Json.createObjectBuilder().add("validityDays", 10).build())
            .json();
    String token = approved.getString("claimToken");
    MailServer.awaitMessage(formEmail, text -> text.contains(token), Duration.ofSeconds(30));
    Api.Reply claimed = claim(token, Csrs.csr(Csrs.keys("EC"), "CN=carol", List.of()));
    assertEquals(201, claimed.status(), claimed::toString);
    assertEquals(
        "CN=carol",
        Pki.certificate(claimed.json().getString("certificatePem")).getSubject().toString());

    String csrEmail = MailServer.mailbox();
    String csrId =
        Api.anonymous()
            .post(
                "/api/v1/templates/" + clients + "/public",
                Json.createObjectBuilder()
                    .add("email", csrEmail)
                    .add("csr", Csrs.csr(Csrs.keys("EC"), "CN=dave", List.of()))
                    .build())
            .json()
            .getString("id");
    String issued =
        owner
            .post("/api/v1/requests/" + csrId + "/sign", JsonValue.EMPTY_JSON_OBJECT)
            .json()
            .getString("certificatePem");
    String mail =
        MailServer.awaitMessage(csrEmail, text -> text.contains("issued"), Duration.ofSeconds(30));
    assertTrue(
        mail.replace("\r", "").contains(issued.replace("\r", "").trim()),
        "the certificate is in the mail");
    assertInvalid(
        Api.anonymous()
            .post(
                "/api/v1/templates/" + clients + "/public",
                Json.createObjectBuilder()
                    .add("subject", Json.createObjectBuilder().add("commonName", "eve"))
                    .build()),
        "email");
  }

  @Test
  void mailWaitsWhileTheSmtpServerIsDownAndIssuanceDoesNot() throws Exception {
    MailServer.stop();
    String email = MailServer.mailbox();
    String token;
    try {
      token = preApprove(email).getString("claimToken");
      assertEquals(
          201,
          claim(token, Csrs.csr(Csrs.keys("EC"), "CN=alice", List.of())).status(),
          "an unreachable mail server blocks nothing");
    } finally {
      MailServer.start();
    }
    MailServer.awaitMessage(email, text -> text.contains(token), Duration.ofSeconds(120));
  }
}
