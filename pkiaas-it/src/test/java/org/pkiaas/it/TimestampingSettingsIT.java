package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA owner's control of its time-stamp authority ({@code /api/v1/cas/{id}/timestamping}) and the
 * record of what it stamped ({@code /api/v1/cas/{id}/timestamp-tokens}), checked with {@code
 * openssl ts}: off answers 404 to RFC 3161 and Authenticode alike and leaves the CA's service URLs;
 * a requested policy the CA accepts is granted, any other is {@code unacceptedPolicy}; the token
 * openssl got is found by its imprint; nobody else sees or changes any of it; changes are audited.
 */
class TimestampingSettingsIT extends ServerIT {

  /** What {@code osslsigncode -t} sent once (pkiaas-ejb's fixture): a real Authenticode request. */
  private static final Path AUTHENTICODE_REQUEST =
      Path.of(System.getProperty("pkiaas.it.root", ".."))
          .resolve("pkiaas-ejb/src/test/resources/tsa/authenticode-request.b64");

  /** The operator's default when no arc is configured (TimestampingSettings.DEFAULT_ARC .1). */
  private static final String OPERATOR_DEFAULT = "2.25.162957715698232743335901651175714272772.1";

  @TempDir Path dir;

  private final Api owner = Api.newUser();

  private OpensslTs ts;

  private String ca(String name) {
    Api.Reply created =
        owner.post(
            "/api/v1/cas",
            Json.createObjectBuilder()
                .add("name", name)
                .add("subject", Json.createObjectBuilder().add("commonName", name))
                .add("keyType", "EC")
                .build());
    assertEquals(201, created.status(), created::toString);
    ts = new OpensslTs(dir);
    ts.write("ca.pem", created.json().getString("certificatePem"));
    return created.json().getString("id");
  }

  private static JsonObject settings(Boolean enabled, String defaultPolicy, String... accepted) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    if (enabled != null) {
      body.add("enabled", enabled);
    }
    if (defaultPolicy != null) {
      body.add("defaultPolicy", defaultPolicy);
    }
    JsonArrayBuilder policies = Json.createArrayBuilder();
    List.of(accepted).forEach(policies::add);
    return body.add("acceptedPolicies", policies).build();
  }

  private Api.Reply authenticode(String caId) throws Exception {
    return Api.anonymous()
        .post(
            "/pki/tsa/" + caId,
            "application/octet-stream",
            Files.readAllBytes(AUTHENTICODE_REQUEST));
  }

  private static TimeStampResponse response(Api.Reply reply) throws Exception {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/timestamp-reply", reply.contentType());
    return new TimeStampResponse(reply.bytes());
  }

  @Test
  void turnedOffTheServiceAnswers404ToBothProtocolsAndLeavesTheUrls() throws Exception {
    String caId = ca("TSA Switch Root");
    JsonObject state = owner.get("/api/v1/cas/" + caId + "/timestamping").json();
    assertTrue(state.getBoolean("enabled"), state::toString);
    assertEquals(OPERATOR_DEFAULT, state.getString("defaultPolicy"));
    assertTrue(state.getBoolean("operatorDefault"));
    assertEquals(List.of(), state.getJsonArray("acceptedPolicies"));
    assertEquals(Api.BASE_URL + "/pki/tsa/" + caId, state.getString("url"));
    TimeStampToken token = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    assertEquals(OPERATOR_DEFAULT, token.getTimeStampInfo().getPolicy().getId());
    assertEquals(200, authenticode(caId).status());

    Api.Reply off = owner.put("/api/v1/cas/" + caId + "/timestamping", settings(false, null));
    assertEquals(200, off.status(), off::toString);
    assertFalse(off.json().getBoolean("enabled"));
    assertFalse(off.json().containsKey("url"), off::toString);
    assertEquals(404, ts.stamp(caId, "-sha256", "-cert").status(), "RFC 3161, at once");
    assertEquals(404, authenticode(caId).status(), "Authenticode");
    JsonObject urls = owner.get("/api/v1/cas/" + caId + "/urls").json();
    assertFalse(urls.containsKey("timestamping"), urls::toString);
    assertTrue(urls.containsKey("ocsp"), "the other services answer on");
    assertFalse(
        owner.get("/api/v1/cas/" + caId).json().getJsonObject("urls").containsKey("timestamping"));

    Api.Reply on = owner.put("/api/v1/cas/" + caId + "/timestamping", settings(true, null));
    assertEquals(200, on.status(), on::toString);
    assertEquals(PKIStatus.GRANTED, response(ts.stamp(caId, "-sha256", "-cert")).getStatus());
    assertTrue(ts.verify().contains("Verification: OK"));
    assertEquals(
        Api.BASE_URL + "/pki/tsa/" + caId,
        owner.get("/api/v1/cas/" + caId + "/urls").json().getString("timestamping"));
  }

  @Test
  void anAcceptedPolicyIsGrantedAndAnyOtherIsUnacceptedPolicy() throws Exception {
    String caId = ca("TSA Policy Root");
    Api.Reply set =
        owner.put(
            "/api/v1/cas/" + caId + "/timestamping",
            settings(true, "1.3.6.1.4.1.99999.1", "1.3.6.1.4.1.99999.2", "1.3.6.1.4.1.99999.1"));
    assertEquals(200, set.status(), set::toString);
    assertEquals("1.3.6.1.4.1.99999.1", set.json().getString("defaultPolicy"));
    assertFalse(set.json().getBoolean("operatorDefault"));
    assertEquals(
        List.of(Json.createValue("1.3.6.1.4.1.99999.2")),
        set.json().getJsonArray("acceptedPolicies"),
        "the default is not repeated among the others");

    response(ts.stamp(caId, "-sha256", "-cert", "-tspolicy", "1.3.6.1.4.1.99999.2"));
    assertTrue(ts.replyText().contains("Policy OID: 1.3.6.1.4.1.99999.2"), ts.replyText());
    assertTrue(ts.verify().contains("Verification: OK"));
    response(ts.stamp(caId, "-sha256", "-cert"));
    assertTrue(ts.replyText().contains("Policy OID: 1.3.6.1.4.1.99999.1"), ts.replyText());
    assertTrue(ts.verify().contains("Verification: OK"));
    response(ts.stamp(caId, "-sha256", "-cert", "-tspolicy", "1.3.6.1.4.1.99999.1"));
    assertTrue(ts.replyText().contains("Status: Granted."));

    TimeStampResponse refused =
        response(ts.stamp(caId, "-sha256", "-cert", "-tspolicy", "1.3.6.1.4.1.99999.3"));
    assertEquals(PKIStatus.REJECTION, refused.getStatus());
    assertEquals(PKIFailureInfo.unacceptedPolicy, refused.getFailInfo().intValue());
    String text = ts.replyText();
    assertTrue(
        text.contains("Status: Rejected.")
            && text.contains("the requested TSA policy is not supported by the TSA"),
        text);
    TimeStampResponse operators =
        response(ts.stamp(caId, "-sha256", "-tspolicy", OPERATOR_DEFAULT));
    assertEquals(
        PKIFailureInfo.unacceptedPolicy,
        operators.getFailInfo().intValue(),
        "a CA with a default of its own does not grant the operator's");

    Api.Reply back = owner.put("/api/v1/cas/" + caId + "/timestamping", settings(true, ""));
    assertEquals(OPERATOR_DEFAULT, back.json().getString("defaultPolicy"));
    assertTrue(back.json().getBoolean("operatorDefault"));
    assertEquals(
        PKIFailureInfo.unacceptedPolicy,
        response(ts.stamp(caId, "-sha256", "-tspolicy", "1.3.6.1.4.1.99999.2"))
            .getFailInfo()
            .intValue(),
        "accepted no more");
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    String caId = ca("TSA Bad Settings Root");
    String path = "/api/v1/cas/" + caId + "/timestamping";
    record Case(JsonObject body, String field) {}
    for (Case c :
        List.of(
            new Case(
                settings(true, "1.3.6.1.4.1.99999.1", "1.2.3", "not.an.oid"),
                "acceptedPolicies[1]"),
            new Case(settings(true, "3.1.2"), "defaultPolicy"),
            new Case(settings(true, "1.02.3"), "defaultPolicy"),
            new Case(settings(null, null), "enabled"),
            new Case(
                Json.createObjectBuilder().add("enabled", true).add("policy", "1.2").build(),
                "policy"))) {
      Api.Reply refused = owner.put(path, c.body());
      assertEquals(400, refused.status(), refused::toString);
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
      assertEquals(c.field(), refused.json().getString("field"), refused::toString);
    }
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 1; i <= 17; i++) {
      many.add("1.3.6.1.4.1.99999." + i);
    }
    Api.Reply tooMany =
        owner.put(
            path,
            Json.createObjectBuilder().add("enabled", true).add("acceptedPolicies", many).build());
    assertEquals(400, tooMany.status(), tooMany::toString);
    assertEquals("acceptedPolicies", tooMany.json().getString("field"));
    assertTrue(owner.get(path).json().getBoolean("enabled"), "nothing changed");
  }

  @Test
  void theTokenOpensslGotIsFoundByItsImprint() throws Exception {
    String caId = ca("TSA Record Root");
    Instant before = Instant.now().minusSeconds(2);
    TimeStampToken token = response(ts.stamp(caId, "-sha256", "-cert")).getTimeStampToken();
    String imprint = ts.sha256OfDocument();
    response(ts.stamp(caId, "-sha512"));
    response(ts.stamp(caId, "-sha256"));
    String tokens = "/api/v1/cas/" + caId + "/timestamp-tokens";

    Api.Reply found = owner.get(tokens + "?imprint=" + imprint.toUpperCase());
    assertEquals(200, found.status(), found::toString);
    assertEquals(1, found.total(), found::toString);
    JsonObject record = found.array().getJsonObject(0);
    assertEquals(
        token.getTimeStampInfo().getSerialNumber(),
        new java.math.BigInteger(record.getString("serialNumber"), 16));
    assertEquals(imprint, record.getString("messageImprint"));
    assertEquals("2.16.840.1.101.3.4.2.1", record.getString("hashAlgorithm"));
    assertEquals("RFC3161", record.getString("protocol"));
    assertEquals(OPERATOR_DEFAULT, record.getString("policy"));
    assertEquals(
        token.getTimeStampInfo().getGenTime().toInstant(),
        Instant.parse(record.getString("genTime")));
    assertTrue(record.containsKey("requester"), record::toString);

    Api.Reply notStamped = owner.get(tokens + "?imprint=" + "00".repeat(32));
    assertEquals(0, notStamped.total());
    assertEquals(0, notStamped.array().size());

    Api.Reply page = owner.get(tokens + "?size=2");
    assertEquals(3, page.total());
    assertEquals(2, page.array().size());
    assertTrue(
        page.headers().firstValue("Link").orElse("").contains("rel=\"next\""), page::toString);
    assertEquals(1, owner.get(tokens + "?page=1&size=2").array().size());
    assertEquals(3, owner.get(tokens + "?from=" + before).total());
    assertEquals(0, owner.get(tokens + "?from=" + Instant.now().plusSeconds(60)).total(), "from");
    assertEquals(0, owner.get(tokens + "?to=" + before).total(), "to");

    assertEquals(200, authenticode(caId).status());
    Api.Reply all = owner.get(tokens);
    assertEquals(4, all.total());
    assertEquals(
        List.of("AUTHENTICODE", "RFC3161", "RFC3161", "RFC3161"),
        all.array().stream().map(t -> t.asJsonObject().getString("protocol")).sorted().toList());

    Api.Reply badImprint = owner.get(tokens + "?imprint=xyz");
    assertEquals(400, badImprint.status(), badImprint::toString);
    assertEquals("imprint", badImprint.json().getString("field"));
    Api.Reply badTime = owner.get(tokens + "?from=yesterday");
    assertEquals(400, badTime.status(), badTime::toString);
    assertEquals("from", badTime.json().getString("field"));
  }

  /**
   * Stamps asked for at once are recorded in groups (one multi-row statement each); every one of
   * them must be in the record, with the serial its token carries.
   */
  @Test
  void stampsGrantedAtOnceAreAllRecorded() throws Exception {
    String caId = ca("TSA Group Root");
    int count = 40;
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<BigInteger>> serials = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(("document " + i).getBytes());
        byte[] query =
            new TimeStampRequestGenerator()
                .generate(NISTObjectIdentifiers.id_sha256, imprint, BigInteger.valueOf(i + 1))
                .getEncoded();
        serials.add(
            clients.submit(
                () ->
                    response(
                            Api.anonymous()
                                .post("/pki/tsa/" + caId, "application/timestamp-query", query))
                        .getTimeStampToken()
                        .getTimeStampInfo()
                        .getSerialNumber()));
      }
      List<BigInteger> granted = new ArrayList<>();
      for (Future<BigInteger> serial : serials) {
        granted.add(serial.get());
      }
      String tokens = "/api/v1/cas/" + caId + "/timestamp-tokens";
      for (int i = 0; i < count; i++) {
        String imprint =
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256").digest(("document " + i).getBytes()));
        Api.Reply found = owner.get(tokens + "?imprint=" + imprint);
        assertEquals(1, found.total(), found::toString);
        assertEquals(
            granted.get(i),
            new BigInteger(found.array().getJsonObject(0).getString("serialNumber"), 16));
      }
      assertEquals(count, owner.get(tokens).total());
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void anotherAccountSeesAndChangesNothingAndChangesAreAudited() throws Exception {
    String caId = ca("TSA Tenant Root");
    response(ts.stamp(caId, "-sha256"));
    Api stranger = Api.newUser();
    assertEquals(404, stranger.get("/api/v1/cas/" + caId + "/timestamping").status());
    Api.Reply put = stranger.put("/api/v1/cas/" + caId + "/timestamping", settings(false, null));
    assertEquals(404, put.status(), put::toString);
    assertEquals(404, stranger.get("/api/v1/cas/" + caId + "/timestamp-tokens").status());
    assertEquals(
        404,
        stranger
            .get("/api/v1/cas/" + caId + "/timestamp-tokens?imprint=" + ts.sha256OfDocument())
            .status());
    assertTrue(owner.get("/api/v1/cas/" + caId + "/timestamping").json().getBoolean("enabled"));
    assertEquals(PKIStatus.GRANTED, response(ts.stamp(caId, "-sha256")).getStatus());

    assertEquals(
        200,
        owner
            .put("/api/v1/cas/" + caId + "/timestamping", settings(false, "1.3.6.1.4.1.99999.5"))
            .status());
    List<JsonObject> events =
        owner.get("/api/v1/audit?size=50").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> "tsa.settings".equals(e.getString("action", "")))
            .filter(e -> caId.equals(e.getString("objectId", "")))
            .toList();
    assertEquals(
        List.of("FAILURE", "SUCCESS"),
        events.stream().map(e -> e.getString("outcome")).sorted().toList(),
        "the stranger's refused attempt and the owner's change, both on the owner's CA: " + events);
    assertEquals(
        owner.username(),
        events.stream()
            .filter(e -> e.getString("outcome").equals("SUCCESS"))
            .findFirst()
            .orElseThrow()
            .getString("actor"),
        events::toString);
  }
}
