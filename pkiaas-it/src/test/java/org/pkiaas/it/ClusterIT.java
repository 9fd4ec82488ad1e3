package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * Two nodes on a three-node Galera cluster ({@link TwoNodes}), behind a balancer: whatever one node
 * did, the other knows. The order only saves time (the jobs need a few minutes of schedule slots,
 * and the crash test leaves node A down for the next test to start again); no test depends on
 * another. It is over 300 lines because that order needs the proofs in one class.
 */
@ExtendWith(TwoNodes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** How late another node's OCSP may say "revoked", as the operator guide promises. */
  static final Duration STATUS_DELAY = Duration.ofSeconds(5);

  /**
   * How late another node's one-call issuance may go on under a disabled template: the lifetime of
   * what it read ({@code pkiaas.issuance.lookup.cache.millis}, one second), and a request's time.
   */
  static final Duration ISSUING_DELAY = Duration.ofMillis(2500);

  private static TwoNodes cluster;

  @BeforeAll
  static void cluster() {
    cluster = TwoNodes.shared();
    ChallengeResponders.start();
  }

  @BeforeEach
  void bothNodesUp() throws Exception {
    cluster.restore();
  }

  @Test
  @Order(1)
  void everyTableHasAPrimaryKeyAndReplicates() {
    String schema = "table_schema = DATABASE() AND table_type = 'BASE TABLE'";
    String tables = cluster.query("SELECT COUNT(*) FROM information_schema.tables WHERE " + schema);
    assertTrue(Integer.parseInt(tables) > 20, "the schema is there on Galera node 3: " + tables);
    assertEquals(
        "",
        cluster.query(
            "SELECT table_name FROM information_schema.tables t WHERE "
                + schema
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c"
                + " WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " AND c.constraint_type = 'PRIMARY KEY')"),
        "Galera needs a primary key in every table");
    assertEquals(
        "",
        cluster.query(
            "SELECT table_name FROM information_schema.tables WHERE "
                + schema
                + " AND engine <> 'InnoDB'"),
        "Galera replicates InnoDB tables only");
  }

  @Test
  @Order(2)
  void theApiAndTheConsoleWorkThroughEitherNode() throws Exception {
    cluster.via(cluster.a);
    Api user = Api.newUser();
    Api.Reply token =
        user.post("/api/v1/tokens", Json.createObjectBuilder().add("name", "cluster").build());
    assertEquals(201, token.status(), token::toString);
    String ca = "Cluster " + System.nanoTime();
    assertEquals(201, user.post("/api/v1/cas", CertificateAuthoritiesIT.ca(ca).build()).status());

    cluster.via(cluster.b);
    Api bearer = Api.bearer(token.json().getString("token"));
    Api.Reply cas = bearer.get("/api/v1/cas");
    assertEquals(200, cas.status(), cas::toString);
    assertTrue(cas.text().contains(ca), "the CA made through A, read through B with A's token");
    assertEquals("node-b", cas.headers().firstValue(Balancer.NODE_HEADER).orElseThrow());

    for (ClusterNode node : List.of(cluster.a, cluster.b)) {
      ConsoleSession console = new ConsoleSession(node.url());
      String dashboard = console.signIn(user.username(), user.password());
      assertTrue(dashboard.contains(ca), node.name() + "'s dashboard shows the CA:\n" + dashboard);
    }
    // Sessions live in the node's memory: the balancer must keep a browser on its node.
    ConsoleSession onA = new ConsoleSession(cluster.a.url());
    onA.signIn(user.username(), user.password());
    assertTrue(
        onA.moveTo(cluster.b.url()).get("/manage/dashboard.xhtml").startsWith("/login.xhtml"),
        "node B does not know node A's session");
  }

  @Test
  @Order(3)
  void anAcmeOrderCreatedOnOneNodeIsFinalizedOnTheOther() throws Exception {
    AcmeFixture acme = new AcmeFixture("Cluster ACME " + System.nanoTime(), "");
    cluster.via(cluster.a);
    Map<String, Integer> before = cluster.balancer.served();
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = "h" + System.nanoTime() + ".cluster.test";
    org.shredzone.acme4j.Order order = login.newOrder().domain(domain).create();
    Http01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    ChallengeResponders.http(challenge.getToken(), challenge.getAuthorization());
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(Duration.ofSeconds(60)));
    Map<String, Integer> onA = cluster.balancer.served();
    assertEquals(before.get("node-b"), onA.get("node-b"), "all of that went to node A");

    cluster.via(cluster.b);
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(Duration.ofSeconds(60)));
    X509Certificate leaf = order.getCertificate().getCertificate();
    assertTrue(
        leaf.getSubjectAlternativeNames().stream().anyMatch(n -> domain.equals(n.get(1))),
        leaf.toString());
    Map<String, Integer> onB = cluster.balancer.served();
    assertEquals(onA.get("node-a"), onB.get("node-a"), "finalized on node B alone");
    assertTrue(onB.get("node-b") > onA.get("node-b"));
  }

  @Test
  @Order(4)
  void aRevocationOnOneNodeIsSeenByTheOthersOcsp() throws Exception {
    cluster.via(cluster.a);
    StatusPki pki = new StatusPki(Api.newUser(), "Cluster Status " + System.nanoTime());
    JsonObject certificate = pki.issue("ocsp.cluster.test");
    BigInteger serial = StatusPki.serial(certificate);
    byte[] request = pki.request(null, serial); // no nonce: the answer B caches

    cluster.via(cluster.b);
    assertNull(StatusPki.basic(pki.ocsp(request)).getResponses()[0].getCertStatus(), "good");
    assertNull(StatusPki.basic(pki.ocsp(request)).getResponses()[0].getCertStatus(), "cached");

    cluster.via(cluster.a);
    assertEquals(200, pki.revoke(certificate.getString("id"), "keyCompromise").status());
    Instant revoked = Instant.now();

    cluster.via(cluster.b);
    while (true) {
      BasicOCSPResp answer = StatusPki.basic(pki.ocsp(request));
      Object status = answer.getResponses()[0].getCertStatus();
      Duration waited = Duration.between(revoked, Instant.now());
      if (status instanceof RevokedStatus) {
        System.out.println(
            "ClusterIT: node B's OCSP said revoked after " + waited.toMillis() + " ms");
        break;
      }
      assertTrue(
          waited.compareTo(STATUS_DELAY) < 0,
          "node B still says good " + waited.toMillis() + " ms after the revocation");
      Thread.sleep(200);
    }
  }

  @Test
  @Order(4)
  void aTemplateDisabledOnOneNodeStopsTheOthersOneCallWithinASecond() throws Exception {
    cluster.via(cluster.a);
    StatusPki pki = new StatusPki(Api.newUser(), "Cluster One Call " + System.nanoTime());
    String path = "/api/v1/templates/" + pki.templateId + "/certificates";
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "csr",
                Csrs.csr(Csrs.keys("EC"), "CN=one.cluster.test", List.of("one.cluster.test")))
            .build();

    cluster.via(cluster.b);
    Api.Reply first = pki.owner.post(path, body);
    assertEquals(201, first.status(), "node B reads the template: " + first);

    cluster.via(cluster.a);
    Api.Reply disabled =
        pki.owner.changeGeneral(pki.templateId, general -> general.add("enabled", false));
    assertEquals(200, disabled.status(), disabled::toString);
    Instant changed = Instant.now();
    assertEquals(409, pki.owner.post(path, body).status(), "node A refuses at once");

    cluster.via(cluster.b);
    while (true) {
      Api.Reply reply = pki.owner.post(path, body);
      Duration waited = Duration.between(changed, Instant.now());
      if (reply.status() == 409) {
        System.out.println(
            "ClusterIT: node B refused the disabled template after " + waited.toMillis() + " ms");
        break;
      }
      assertEquals(201, reply.status(), reply::toString);
      assertTrue(
          waited.compareTo(ISSUING_DELAY) < 0,
          "node B still issues " + waited.toMillis() + " ms after the template was disabled");
      Thread.sleep(100);
    }
  }

  @Test
  @Order(5)
  void bothNodesServeOneCrlBuiltOnce() throws Exception {
    cluster.via(cluster.a);
    StatusPki pki = new StatusPki(Api.newUser(), "Cluster CRL " + System.nanoTime());
    JsonObject certificate = pki.issue("crl.cluster.test");
    assertEquals(200, pki.revoke(certificate.getString("id"), "superseded").status());

    // Both nodes asked at the same moment, each through its own Galera node.
    List<CompletableFuture<Api.Reply>> asked =
        List.of(cluster.a, cluster.b).stream()
            .map(
                node ->
                    CompletableFuture.supplyAsync(() -> get(node, "/pki/crl/" + pki.caId + ".crl")))
            .toList();
    Api.Reply fromA = asked.get(0).get();
    Api.Reply fromB = asked.get(1).get();
    assertEquals(200, fromA.status(), fromA::toString);
    assertEquals(200, fromB.status(), fromB::toString);
    assertArrayEquals(fromA.bytes(), fromB.bytes(), "one CRL, the same bytes from both nodes");
    X509CRLHolder crl = new X509CRLHolder(fromA.bytes());
    assertTrue(crl.getRevokedCertificate(StatusPki.serial(certificate)) != null);
    assertEquals(
        "1",
        cluster.query(
            "SELECT COUNT(*) FROM published_crl WHERE ca_id = '"
                + pki.caId
                + "' AND revision = (SELECT revision FROM crl_state WHERE ca_id = '"
                + pki.caId
                + "')"),
        "built once for the current revision");
    long number =
        ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue())
            .getValue()
            .longValueExact();
    assertEquals(
        Long.toString(number),
        cluster.query(
            "SELECT MAX(crl_number) FROM published_crl WHERE ca_id = '" + pki.caId + "'"));
  }

  @Test
  @Order(6)
  void changesRacingOnTwoNodesEachWinOrAreToldToTryAgain() throws Exception {
    AcmeFixture acme = new AcmeFixture("Cluster Race " + System.nanoTime(), "");
    String policy = "/api/v1/acme-policies/" + acme.policyId;
    String templateId = acme.owner.get(policy).json().getString("templateId");
    Map<Integer, Integer> answers = new HashMap<>();
    for (int round = 0; round < 10; round++) {
      List<CompletableFuture<Api.Reply>> racing = new java.util.ArrayList<>();
      for (ClusterNode node : List.of(cluster.a, cluster.b)) {
        Api onNode = acme.owner.at(node.url());
        String name = node.name() + " " + round;
        racing.add(
            CompletableFuture.supplyAsync(
                () ->
                    onNode.put(
                        policy,
                        Json.createObjectBuilder()
                            .add("name", name)
                            .add("templateId", templateId)
                            .build())));
      }
      for (CompletableFuture<Api.Reply> answer : racing) {
        Api.Reply reply = answer.get();
        answers.merge(reply.status(), 1, Integer::sum);
        switch (reply.status()) {
          case 200 -> {}
          case 409 ->
              assertEquals("application/problem+json", reply.contentType(), reply::toString);
          case 503 -> {
            assertEquals("application/problem+json", reply.contentType(), reply::toString);
            assertTrue(reply.text().contains("write-conflict"), reply::toString);
            assertEquals("1", reply.headers().firstValue("Retry-After").orElse(""));
          }
          default -> throw new AssertionError("Neither a winner nor told to retry: " + reply);
        }
      }
      String stored = acme.owner.get(policy).json().getString("name");
      assertTrue(stored.endsWith(" " + round), "one of the two changes is stored: " + stored);
    }
    System.out.println("ClusterIT: racing changes answered " + answers);
    assertTrue(answers.getOrDefault(200, 0) >= 10, "every round had a winner: " + answers);
  }

  @Test
  @Order(7)
  void theAuditChainStaysWholeWithBothNodesSealing() throws Exception {
    Api owner = Api.newUser();
    for (int i = 0; i < 6; i++) {
      cluster.via(i % 2 == 0 ? cluster.a : cluster.b);
      Api.Reply token =
          owner.post(
              "/api/v1/tokens", Json.createObjectBuilder().add("name", "audit " + i).build());
      assertEquals(201, token.status(), token::toString);
    }
    // Both nodes' sealers (every five seconds) have had their turns at the events.
    Thread.sleep(12_000);
    for (ClusterNode node : List.of(cluster.a, cluster.b)) {
      Api.Reply verified = owner.at(node.url()).get("/api/v1/audit/verify");
      assertEquals(200, verified.status(), verified::toString);
      assertTrue(verified.json().getBoolean("intact"), node.name() + ": " + verified);
    }
  }

  @Test
  @Order(8)
  void eachBatchJobRunsOncePerScheduleSlot() throws Exception {
    // Both nodes' timers fire every minute (from two minutes after their start); each start
    // records its slot in the run's parameters.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
    Map<String, List<String>> slots = new HashMap<>();
    while (Instant.now().isBefore(deadline)) {
      slots = scheduledSlots();
      if (slots.values().stream().allMatch(s -> s.size() >= 3) && slots.size() == 2) {
        break;
      }
      Thread.sleep(5000);
    }
    assertEquals(2, slots.size(), "both jobs ran: " + slots);
    for (Map.Entry<String, List<String>> job : slots.entrySet()) {
      List<String> runs = job.getValue();
      assertTrue(runs.size() >= 3, job.getKey() + " ran in three slots: " + runs);
      assertEquals(
          runs.stream().distinct().count(),
          runs.size(),
          job.getKey() + " ran twice in a slot: " + runs);
    }
    for (ClusterNode node : List.of(cluster.a, cluster.b)) {
      assertTrue(
          Files.readString(node.serverLog()).contains("Batch job timers fire on this node"),
          node.name() + " tried too");
    }
  }

  /** A GET straight to one node, past the balancer. */
  private static Api.Reply get(ClusterNode node, String path) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(node.url() + path))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      return new Api.Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers(),
          response.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The slot of every scheduled run, by job. */
  private static Map<String, List<String>> scheduledSlots() {
    Map<String, List<String>> slots = new HashMap<>();
    String rows =
        cluster.query(
            "SELECT i.jobname, e.jobparameters FROM JOB_EXECUTION e JOIN JOB_INSTANCE i"
                + " ON e.jobinstanceid = i.jobinstanceid ORDER BY e.jobexecutionid");
    for (String row : rows.split("\n")) {
      int tab = row.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      java.util.regex.Matcher slot =
          java.util.regex.Pattern.compile("slot\\s*=\\s*([0-9:T.-]+Z)").matcher(row);
      if (slot.find()) {
        slots
            .computeIfAbsent(row.substring(0, tab), k -> new java.util.ArrayList<>())
            .add(slot.group(1));
      }
    }
    return slots;
  }

  @Test
  @Order(9)
  void aNodeKilledMidValidationLeavesTheChallengeToTheOther() throws Exception {
    AcmeFixture acme = new AcmeFixture("Cluster Crash " + System.nanoTime(), "");
    cluster.via(cluster.a);
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = "h" + System.nanoTime() + ".crash.test";
    org.shredzone.acme4j.Order order = login.newOrder().domain(domain).create();
    Http01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    // Not answered yet: node A's first attempt fails, and it waits to try again.
    challenge.trigger();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (ChallengeResponders.hits(challenge.getToken()) == 0) {
      assertTrue(Instant.now().isBefore(deadline), "node A never tried the challenge");
      Thread.sleep(50);
    }
    cluster.a.kill();
    ChallengeResponders.http(challenge.getToken(), challenge.getAuthorization());
    cluster.balancer.spread(); // node A refuses connections: everything goes to B

    assertEquals(Status.VALID, challenge.waitForCompletion(Duration.ofSeconds(120)));
    assertTrue(ChallengeResponders.hits(challenge.getToken()) >= 2);
    assertTrue(
        Files.readString(cluster.b.serverLog())
            .contains("Resuming the validation of ACME challenge"),
        "node B took the challenge over");
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(Duration.ofSeconds(60)));
  }
}
