package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;

/**
 * The audit log as a tenant and an auditor see it: what anonymous requesters and ACME clients did
 * on a CA shows in its owner's log and in no one else's; each tenant's chain verifies; and a row
 * edited or deleted in the database, around PKIaaS, is named as the first broken link.
 */
class AuditLogIT extends ServerIT {

  @Deployment(name = AuditTamper.DEPLOYMENT, testable = false)
  public static WebArchive tamper() {
    return AuditTamper.war();
  }

  static JsonArray events(Api who) {
    Api.Reply reply = who.get("/api/v1/audit?size=500");
    assertEquals(200, reply.status(), reply::toString);
    return reply.array();
  }

  private static List<JsonObject> eventsOn(Api who, String caId) {
    return events(who).getValuesAs(JsonObject.class).stream()
        .filter(e -> caId.equals(e.getString("caId", null)))
        .toList();
  }

  private static JsonObject verify(Api who) {
    Api.Reply reply = who.get("/api/v1/audit/verify");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static Set<String> actions(List<JsonObject> events) {
    return events.stream()
        .map(e -> e.getString("action") + " by " + e.getString("actor").replaceAll(":.*", ":"))
        .collect(Collectors.toSet());
  }

  @Test
  void anonymousAndProtocolEventsReachTheCasTenantAndNoOneElse() throws Exception {
    AcmeFixture acme = new AcmeFixture("Audit ACME Root " + System.nanoTime(), "*.audit.test");
    Api owner = acme.owner;

    // ACME: registration, key change and an issued certificate
    Login login = acme.register(AcmeFixture.accountKey());
    login.getAccount().changeKey(AcmeFixture.accountKey());
    Order order = login.newOrder().domains("www.audit.test").create();
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(Duration.ofSeconds(30)));

    // a claim and the renewal of the claimed certificate, both anonymous
    JsonObject template =
        owner
            .post(
                "/api/v1/cas/" + acme.caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Audited clients")
                    .add("starter", "CLIENT_AUTHENTICATION")
                    .build())
            .json();
    Api.Reply renewable =
        owner.put(
            "/api/v1/templates/" + template.getString("id"),
            Json.createObjectBuilder()
                .add(
                    "general",
                    Json.createObjectBuilder(template.getJsonObject("general"))
                        .add("renewalAllowed", true)
                        .add("renewalWindowDays", 30)
                        .add("renewalCopySubject", true)
                        .add("validityDays", 20))
                .build());
    assertEquals(200, renewable.status(), renewable::toString);
    Api.Reply preApproved =
        owner.post(
            "/api/v1/templates/" + template.getString("id") + "/preapproved",
            Json.createObjectBuilder()
                .add("subject", "CN=audited")
                .add("validityDays", 20)
                .build());
    assertEquals(201, preApproved.status(), preApproved::toString);
    KeyPair keys = Csrs.keys("EC");
    Api.Reply claimed =
        Api.anonymous()
            .post(
                "/api/v1/claims",
                Json.createObjectBuilder()
                    .add("csr", Csrs.csr(keys, "CN=audited", List.of()))
                    .build(),
                "Claim-Token",
                preApproved.json().getString("claimToken"));
    assertEquals(201, claimed.status(), claimed::toString);
    Api.Reply renewed =
        Api.anonymous()
            .post(
                "/api/v1/cas/" + acme.caId + "/renewals",
                Json.createObjectBuilder()
                    .add("csr", Csrs.csr(keys, "CN=audited", List.of()))
                    .build());
    assertEquals(201, renewed.status(), renewed::toString);

    List<JsonObject> seen = eventsOn(owner, acme.caId);
    Set<String> actions = actions(seen);
    for (String expected :
        List.of(
            "certificate.issue by ocsp-responder",
            "acme.account.register by acme:",
            "acme.account.keychange by acme:",
            "certificate.issue by acme:",
            "request.claim by anonymous",
            "certificate.issue by claim",
            "certificate.renew by anonymous",
            "certificate.issue by renewal:")) {
      assertTrue(actions.contains(expected), expected + " in " + actions);
    }
    String ownerId =
        seen.stream()
            .filter(e -> e.getString("action").equals("request.claim"))
            .findFirst()
            .orElseThrow()
            .getString("tenantId");
    assertTrue(
        seen.stream().allMatch(e -> ownerId.equals(e.getString("tenantId"))),
        "every event names the CA's owner");

    Api stranger = Api.newUser();
    stranger.post(
        "/api/v1/cas", CertificateAuthoritiesIT.ca("Stranger Root").add("keyType", "EC").build());
    assertEquals(
        List.of(), eventsOn(stranger, acme.caId), "another tenant sees nothing of this CA");
    assertTrue(
        eventsOn(admin, acme.caId).size() >= seen.size(), "the administrator sees everything");

    Api.Reply refused = Api.basic(owner.username(), "not-the-password").get("/api/v1/cas");
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(
        events(owner).getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    "FAILURE".equals(e.getString("outcome"))
                        && "account.signin".equals(e.getString("action"))),
        "the holder sees a failed sign-in on its account");

    JsonObject checked = verify(owner);
    assertTrue(checked.getBoolean("intact"), checked::toString);
    assertEquals(1, checked.getInt("chainsVerified"), "a tenant checks its own chain");
    assertTrue(
        checked.getJsonNumber("eventsVerified").longValue() >= seen.size(), checked::toString);
    assertTrue(
        events(owner).getValuesAs(JsonObject.class).stream()
            .allMatch(e -> e.containsKey("chainSequence") && !e.isNull("chainSequence")),
        "verifying seals everything written before it");
  }

  @Test
  void aRowEditedInTheDatabaseIsTheFirstBrokenLink() {
    Api owner = Api.newUser();
    String caId =
        owner
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Tampered Root").add("keyType", "EC").build())
            .json()
            .getString("id");
    owner.post(
        "/api/v1/cas/" + caId + "/templates",
        Json.createObjectBuilder().add("name", "More events").add("starter", "WEB_SERVER").build());
    Api bystander = Api.newUser();
    bystander.post(
        "/api/v1/cas", CertificateAuthoritiesIT.ca("Bystander Root").add("keyType", "EC").build());
    assertTrue(verify(owner).getBoolean("intact"));
    assertTrue(verify(bystander).getBoolean("intact"));

    List<JsonObject> chain =
        events(owner).getValuesAs(JsonObject.class).stream()
            .sorted(
                java.util.Comparator.comparingLong(
                    e -> e.getJsonNumber("chainSequence").longValue()))
            .toList();
    assertTrue(chain.size() >= 3, chain::toString);
    JsonObject victim = chain.get(1);
    AuditTamper.edit(victim.getString("id"), "nothing to see here");

    JsonObject found = verify(owner);
    assertFalse(found.getBoolean("intact"), found::toString);
    JsonObject link = found.getJsonArray("brokenLinks").getJsonObject(0);
    assertEquals(victim.getString("id"), link.getString("eventId"), found::toString);
    assertEquals(
        victim.getJsonNumber("chainSequence").longValue(),
        link.getJsonNumber("sequence").longValue());
    assertTrue(link.getString("problem").contains("changed"), link::toString);
    assertTrue(
        verify(bystander).getBoolean("intact"),
        "one tenant's edited row leaves other chains intact");
    JsonObject all = verify(admin);
    assertTrue(
        all.getJsonArray("brokenLinks").getValuesAs(JsonObject.class).stream()
            .anyMatch(b -> victim.getString("id").equals(b.getString("eventId", null))),
        all::toString);

    // a deleted row is a gap where it stood
    Api other = Api.newUser();
    other.post(
        "/api/v1/cas", CertificateAuthoritiesIT.ca("Shortened Root").add("keyType", "EC").build());
    assertTrue(verify(other).getBoolean("intact"));
    List<JsonObject> otherChain = events(other).getValuesAs(JsonObject.class);
    JsonObject deleted =
        otherChain.stream()
            .filter(e -> e.getJsonNumber("chainSequence").longValue() == 1)
            .findFirst()
            .orElseThrow(() -> new AssertionError(otherChain.toString()));
    AuditTamper.delete(deleted.getString("id"));
    JsonObject gap = verify(other).getJsonArray("brokenLinks").getJsonObject(0);
    assertEquals(1, gap.getJsonNumber("sequence").longValue(), gap::toString);
    assertTrue(gap.getString("problem").contains("missing"), gap::toString);
  }
}
