package org.pkiaas.hsm.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pkiaas.hsm.link.LinkMessage.BatchItem;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.ServerEndpoint.AgentPresence;

/**
 * Each end refuses tampered, replayed, reordered, stale, foreign-key and wrong-session messages,
 * and handshakes with a server that is not pinned or an identity the CA key did not certify.
 */
class LinkEndpointsTest {

  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  /** The system clock, moved by what a test says. */
  private static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void move(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final Clock clock = Clock.systemUTC();
  private final MovableClock agentClock = new MovableClock();
  private KeyPair caKey;
  private KeyId keyId;
  private LinkIdentity server;
  private LinkIdentity agent;
  private UUID agentId;
  private ServerEndpoint serverEnd;
  private AgentEndpoint agentEnd;

  @BeforeEach
  void setUp() throws Exception {
    caKey = LinkFixtures.ecKey();
    keyId = KeyId.of(caKey.getPublic());
    server = LinkFixtures.serverIdentity();
    agent = LinkFixtures.agentIdentity(caKey, Instant.now());
    agentId = UUID.randomUUID();
    serverEnd = new ServerEndpoint(server, clock, MAX_AGE);
    agentEnd = agentEnd(server, agent, agentId, agentClock);
    handshake(serverEnd, agentEnd);
  }

  private AgentEndpoint agentEnd(
      LinkIdentity pinned, LinkIdentity identity, UUID id, Clock endClock) {
    return new AgentEndpoint(
        keyId, id, pinned.certificate(), () -> List.of(identity), endClock, MAX_AGE);
  }

  private AgentPresence presence(AgentEndpoint end) throws Exception {
    return serverEnd.acceptPresence(end.signPresence(true, caKey.getPublic().getEncoded()));
  }

  private byte[] caPublic() {
    return caKey.getPublic().getEncoded();
  }

  private LinkSession handshake(ServerEndpoint serverSide, AgentEndpoint agentSide)
      throws Exception {
    AgentPresence announced =
        serverSide.acceptPresence(agentSide.signPresence(true, caKey.getPublic().getEncoded()));
    byte[] offer = serverSide.offerSession(announced).bytes();
    return serverSide.acceptSession(agentSide.acceptOffer(offer).accept());
  }

  private static byte[] digest(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
  }

  private ServerEndpoint.Sealed request(AgentEndpoint... agents) throws Exception {
    List<AgentPresence> live = new java.util.ArrayList<>();
    for (AgentEndpoint end : agents.length == 0 ? new AgentEndpoint[] {agentEnd} : agents) {
      live.add(presence(end));
    }
    return serverEnd.sealRequest(keyId, batchOf(digest("tbs")), live).orElseThrow();
  }

  static SignBatch batchOf(byte[]... digests) {
    List<BatchItem> items = new java.util.ArrayList<>();
    for (byte[] digest : digests) {
      items.add(
          new BatchItem(
              UUID.randomUUID(), new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest)));
    }
    return new SignBatch(items);
  }

  /** Signs each request of the batch with the CA key, as the agent does on the token. */
  private byte[] respond(AgentEndpoint.Received request) throws Exception {
    List<SignResponse> responses = new java.util.ArrayList<>();
    for (BatchItem item : request.batch().items()) {
      SignRequest body = item.request();
      Signature raw = Signature.getInstance(body.scheme().rawJcaName());
      raw.initSign(caKey.getPrivate());
      raw.update(body.scheme().rawInput(body.digest()));
      responses.add(new SignResponse(item.id(), raw.sign(), ""));
    }
    return agentEnd.sealResponse(request.session(), new SignBatchResponse(responses));
  }

  private static UUID onlyId(ServerEndpoint.Sealed sealed) {
    return ((SignBatch) sealed.message().body()).items().get(0).id();
  }

  private static void refused(String reason, Executable open) {
    assertEquals(reason, assertThrows(LinkRefusedException.class, open).getMessage());
  }

  @Test
  void requestAndResponseRoundTripToAVerifiableSignature() throws Exception {
    ServerEndpoint.Sealed sealed = request();
    AgentEndpoint.Received received = agentEnd.openRequest(sealed.bytes());
    assertEquals(sealed.message().messageId(), received.message().messageId());

    SignResponse response =
        serverEnd.openResponse(respond(received), caKey.getPublic()).responses().get(0);

    assertEquals(onlyId(sealed), response.inReplyTo());
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(caKey.getPublic());
    verifier.update("tbs".getBytes());
    assertTrue(verifier.verify(response.signature()));
    assertTrue(
        SignatureScheme.SHA256_WITH_ECDSA.verifies(
            caKey.getPublic(), "tbs".getBytes(), response.signature()));
    assertFalse(
        SignatureScheme.SHA256_WITH_ECDSA.verifies(
            caKey.getPublic(), "other".getBytes(), response.signature()));
  }

  @Test
  void oneHandshakeCarriesManyMessagesAndTheAgentNeedsNoOtherSession() throws Exception {
    for (int i = 0; i < 50; i++) {
      serverEnd.openResponse(respond(agentEnd.openRequest(request().bytes())), caKey.getPublic());
    }
    assertFalse(serverEnd.needsSession(presence(agentEnd)));
  }

  @Test
  void eachDirectionsReusedCipherStillOpensGenuineRecordsAfterRefusingBadOnes() throws Exception {
    for (int i = 0; i < 5; i++) {
      byte[] tampered = request().bytes();
      tampered[tampered.length - 20] ^= 1;
      refused("Link record does not authenticate", () -> agentEnd.openRequest(tampered));
      byte[] genuine = request().bytes();
      AgentEndpoint.Received received = agentEnd.openRequest(genuine);
      refused("Replayed or reordered link message", () -> agentEnd.openRequest(genuine));

      byte[] answer = respond(received);
      byte[] tamperedAnswer = answer.clone();
      tamperedAnswer[tamperedAnswer.length - 20] ^= 1;
      refused(
          "Link record does not authenticate",
          () -> serverEnd.openResponse(tamperedAnswer, caKey.getPublic()));
      SignResponse response = serverEnd.openResponse(answer, caKey.getPublic()).responses().get(0);
      assertEquals(received.batch().items().get(0).id(), response.inReplyTo());
      refused(
          "Replayed or reordered link message",
          () -> serverEnd.openResponse(answer, caKey.getPublic()));
    }
  }

  @Test
  void sealingTheSameMessageTwiceUsesTwoNoncesAndTwoCiphertexts() throws Exception {
    LinkSession session = handshake(serverEnd, agentEnd);
    LinkMessage message =
        new LinkMessage(
            UUID.randomUUID(),
            Instant.now(),
            keyId,
            "",
            new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("same")));
    SessionFrame.SessionRecord first = session.seal(SessionFrame.REQUEST, message);
    SessionFrame.SessionRecord second = session.seal(SessionFrame.REQUEST, message);
    assertEquals(first.sequence() + 1, second.sequence());
    assertFalse(java.util.Arrays.equals(first.ciphertext(), second.ciphertext()));
  }

  @Test
  void agentRefusesTamperedRequest() throws Exception {
    byte[] bytes = request().bytes();
    bytes[bytes.length - 20] ^= 1;
    refused("Link record does not authenticate", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void agentRefusesRequestWhoseIssueTimeWasChanged() throws Exception {
    byte[] bytes = request().bytes();
    bytes[3 + 16 + 8 + 7] ^= 1; // the last byte of the first record's issue time
    refused("Link record does not authenticate", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void serverRefusesTamperedResponse() throws Exception {
    byte[] bytes = respond(agentEnd.openRequest(request().bytes()));
    bytes[bytes.length - 20] ^= 1;
    refused(
        "Link record does not authenticate",
        () -> serverEnd.openResponse(bytes, caKey.getPublic()));
  }

  @Test
  void agentRefusesReplayedRequest() throws Exception {
    byte[] bytes = request().bytes();
    agentEnd.openRequest(bytes);
    refused("Replayed or reordered link message", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void agentRefusesReorderedRequest() throws Exception {
    byte[] first = request().bytes();
    byte[] second = request().bytes();
    agentEnd.openRequest(second);
    refused("Replayed or reordered link message", () -> agentEnd.openRequest(first));
  }

  @Test
  void serverRefusesReplayedResponse() throws Exception {
    byte[] bytes = respond(agentEnd.openRequest(request().bytes()));
    serverEnd.openResponse(bytes, caKey.getPublic());
    refused(
        "Replayed or reordered link message",
        () -> serverEnd.openResponse(bytes, caKey.getPublic()));
  }

  @Test
  void agentRefusesStaleRequest() throws Exception {
    byte[] bytes = request().bytes();
    agentClock.move(Duration.ofSeconds(30));
    refused("Stale link message", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void serverRefusesStaleResponse() throws Exception {
    AgentEndpoint.Received received = agentEnd.openRequest(request().bytes());
    agentClock.move(Duration.ofSeconds(-30));
    byte[] stale = respond(received);
    refused("Stale link message", () -> serverEnd.openResponse(stale, caKey.getPublic()));
  }

  @Test
  void agentRefusesRequestsAfterItsSessionEnded() throws Exception {
    byte[] bytes = request().bytes();
    agentClock.move(Duration.ofMinutes(16)); // the identity, and with it the session, lasted 15
    refused("Link session ended", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void agentRefusesOfferSignedByAServerThatIsNotPinned() throws Exception {
    ServerEndpoint impostor = new ServerEndpoint(LinkFixtures.serverIdentity(), clock, MAX_AGE);
    AgentPresence announced =
        impostor.acceptPresence(agentEnd.signPresence(true, caKey.getPublic().getEncoded()));
    byte[] offer = impostor.offerSession(announced).bytes();
    refused("Session offer not signed by the pinned server", () -> agentEnd.acceptOffer(offer));
  }

  @Test
  void agentRefusesRequestSealedInAnImpostorsSession() throws Exception {
    // The impostor cannot get a session, so its request names none of the agent's.
    LinkIdentity impostorIdentity = LinkFixtures.serverIdentity();
    ServerEndpoint impostor = new ServerEndpoint(impostorIdentity, clock, MAX_AGE);
    AgentEndpoint fooled = agentEnd(impostorIdentity, agent, agentId, clock);
    handshake(impostor, fooled);
    byte[] forged =
        impostor
            .sealRequest(
                keyId,
                batchOf(digest("x")),
                List.of(impostor.acceptPresence(fooled.signPresence(true, caPublic()))))
            .orElseThrow()
            .bytes();
    refused("Request for no session of this agent", () -> agentEnd.openRequest(forged));
  }

  @Test
  void serverRefusesHandshakeOfAnIdentityTheCaKeyDidNotCertify() throws Exception {
    LinkIdentity foreign = LinkFixtures.agentIdentity(LinkFixtures.ecKey(), Instant.now());
    AgentEndpoint foreignAgent = agentEnd(server, foreign, UUID.randomUUID(), clock);
    // As if the server had been told this identity speaks for the key.
    AgentPresence claimed =
        new AgentPresence(keyId, UUID.randomUUID(), true, foreign.certificate(), caKey.getPublic());
    byte[] accept = foreignAgent.acceptOffer(serverEnd.offerSession(claimed).bytes()).accept();
    refused("Agent identity not signed by the CA key", () -> serverEnd.acceptSession(accept));
  }

  @Test
  void serverRefusesPresenceOfAnIdentityTheCaKeyDidNotCertify() throws Exception {
    LinkIdentity foreign = LinkFixtures.agentIdentity(LinkFixtures.ecKey(), Instant.now());
    AgentEndpoint foreignAgent = agentEnd(server, foreign, UUID.randomUUID(), clock);
    byte[] claimsOurKey = foreignAgent.signPresence(true, caKey.getPublic().getEncoded());
    refused(
        "Agent identity not signed by the CA key", () -> serverEnd.acceptPresence(claimsOurKey));
  }

  @Test
  void agentRefusesOfferForAnotherIdentityOrKey() throws Exception {
    LinkIdentity second = LinkFixtures.agentIdentity(caKey, Instant.now());
    AgentEndpoint secondAgent = agentEnd(server, second, UUID.randomUUID(), clock);
    byte[] forSecond = serverEnd.offerSession(presence(secondAgent)).bytes();
    refused("Session offer for another agent identity", () -> agentEnd.acceptOffer(forSecond));

    KeyId otherKey = KeyId.of(LinkFixtures.ecKey().getPublic());
    AgentPresence mine = presence(agentEnd);
    AgentPresence otherKeys =
        new AgentPresence(otherKey, agentId, true, agent.certificate(), caKey.getPublic());
    byte[] forOtherKey = serverEnd.offerSession(otherKeys).bytes();
    refused("Session offer for another key", () -> agentEnd.acceptOffer(forOtherKey));
    assertTrue(mine.online());
  }

  @Test
  void replayedOfferAndAcceptanceAreRefused() throws Exception {
    byte[] offer = serverEnd.offerSession(presence(agentEnd)).bytes();
    byte[] accept = agentEnd.acceptOffer(offer).accept();
    refused("Replayed link message", () -> agentEnd.acceptOffer(offer));
    serverEnd.acceptSession(accept);
    refused("No pending session offer with that id", () -> serverEnd.acceptSession(accept));
  }

  @Test
  void serverRefusesResponseAboutAnotherKey() throws Exception {
    byte[] bytes = respond(agentEnd.openRequest(request().bytes()));
    refused(
        "Response about another key",
        () -> serverEnd.openResponse(bytes, LinkFixtures.ecKey().getPublic()));
  }

  @Test
  void serverRefusesResponseOfASessionItDidNotMake() throws Exception {
    ServerEndpoint otherNode = new ServerEndpoint(server, clock, MAX_AGE);
    handshake(otherNode, agentEnd);
    ServerEndpoint.Sealed other =
        otherNode
            .sealRequest(
                keyId,
                batchOf(digest("x")),
                List.of(otherNode.acceptPresence(agentEnd.signPresence(true, caPublic()))))
            .orElseThrow();
    byte[] answer = respond(agentEnd.openRequest(other.bytes()));
    refused(
        "Link record of an unknown session",
        () -> serverEnd.openResponse(answer, caKey.getPublic()));
  }

  @Test
  void recordMovedToAnotherSessionDoesNotAuthenticate() throws Exception {
    LinkIdentity second = LinkFixtures.agentIdentity(caKey, Instant.now());
    UUID secondId = UUID.randomUUID();
    AgentEndpoint secondAgent = agentEnd(server, second, secondId, clock);
    LinkSession secondSession = handshake(serverEnd, secondAgent);
    byte[] bytes = request(agentEnd).bytes();
    ByteBuffer.wrap(bytes, 3, 16)
        .putLong(secondSession.id().getMostSignificantBits())
        .putLong(secondSession.id().getLeastSignificantBits());
    refused("Link record does not authenticate", () -> secondAgent.openRequest(bytes));
    refused("Request for no session of this agent", () -> agentEnd.openRequest(bytes));
  }

  private ServerEndpoint.Sealed batch(int size) throws Exception {
    byte[][] digests = new byte[size][];
    for (int i = 0; i < size; i++) {
      digests[i] = digest("tbs " + i);
    }
    return serverEnd
        .sealRequest(keyId, batchOf(digests), List.of(presence(agentEnd)))
        .orElseThrow();
  }

  @Test
  void aBatchIsOpenedOnceAndEachOfItsSignaturesAnswersItsOwnRequest() throws Exception {
    ServerEndpoint.Sealed sealed = batch(LinkMessage.MAX_BATCH);
    AgentEndpoint.Received received = agentEnd.openRequest(sealed.bytes());
    List<SignResponse> responses =
        serverEnd.openResponse(respond(received), caKey.getPublic()).responses();

    List<BatchItem> asked = ((SignBatch) sealed.message().body()).items();
    assertEquals(asked.size(), responses.size());
    for (int i = 0; i < asked.size(); i++) {
      assertEquals(asked.get(i).id(), responses.get(i).inReplyTo());
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(caKey.getPublic());
      verifier.update(("tbs " + i).getBytes());
      assertTrue(verifier.verify(responses.get(i).signature()), "signature " + i);
    }
  }

  @Test
  void tamperedReplayedAndReorderedBatchesAreRefusedByBothEnds() throws Exception {
    byte[] first = batch(5).bytes();
    byte[] second = batch(7).bytes();
    byte[] tampered = second.clone();
    tampered[tampered.length - 40] ^= 1;
    refused("Link record does not authenticate", () -> agentEnd.openRequest(tampered));
    AgentEndpoint.Received received = agentEnd.openRequest(second);
    refused("Replayed or reordered link message", () -> agentEnd.openRequest(second));
    refused("Replayed or reordered link message", () -> agentEnd.openRequest(first));

    byte[] answer = respond(received);
    byte[] tamperedAnswer = answer.clone();
    tamperedAnswer[tamperedAnswer.length - 40] ^= 1;
    refused(
        "Link record does not authenticate",
        () -> serverEnd.openResponse(tamperedAnswer, caKey.getPublic()));
    assertEquals(7, serverEnd.openResponse(answer, caKey.getPublic()).responses().size());
    refused(
        "Replayed or reordered link message",
        () -> serverEnd.openResponse(answer, caKey.getPublic()));
  }

  @Test
  void aBatchForAnotherKeyOrServerIsRefused() throws Exception {
    KeyPair otherCa = LinkFixtures.ecKey();
    KeyId otherKey = KeyId.of(otherCa.getPublic());
    AgentEndpoint otherAgent =
        new AgentEndpoint(
            otherKey,
            UUID.randomUUID(),
            server.certificate(),
            () -> List.of(agent),
            clock,
            MAX_AGE);
    byte[] forOtherKey = batch(3).bytes();
    refused("Request for no session of this agent", () -> otherAgent.openRequest(forOtherKey));

    byte[] answer = respond(agentEnd.openRequest(batch(3).bytes()));
    refused(
        "Response about another key", () -> serverEnd.openResponse(answer, otherCa.getPublic()));
    ServerEndpoint otherNode = new ServerEndpoint(server, clock, MAX_AGE);
    refused(
        "Link record of an unknown session",
        () -> otherNode.openResponse(answer, caKey.getPublic()));
  }

  @Test
  void everyAgentOfAKeyOpensARequestSealedForAllOfThem() throws Exception {
    LinkIdentity second = LinkFixtures.agentIdentity(caKey, Instant.now());
    UUID secondId = UUID.randomUUID();
    AgentEndpoint secondAgent = agentEnd(server, second, secondId, clock);
    handshake(serverEnd, secondAgent);
    byte[] bytes = request(agentEnd, secondAgent).bytes();
    secondAgent.openRequest(bytes);
    agentEnd.openRequest(bytes);
  }

  @Test
  void aRestartedAgentNeedsANewSessionAndGetsRequestsOnlyInIt() throws Exception {
    LinkIdentity restarted = LinkFixtures.agentIdentity(caKey, Instant.now());
    AgentEndpoint again = agentEnd(server, restarted, agentId, clock);
    assertTrue(serverEnd.needsSession(presence(again)));
    handshake(serverEnd, again);
    byte[] bytes = request(again).bytes();
    again.openRequest(bytes);
    refused("Request for no session of this agent", () -> agentEnd.openRequest(bytes));
  }

  @Test
  void noRequestForAnAgentWhoseSessionIsBoundToAnIdentityItNoLongerAnnounces() throws Exception {
    LinkIdentity restarted = LinkFixtures.agentIdentity(caKey, Instant.now());
    AgentEndpoint again = agentEnd(server, restarted, agentId, clock);
    assertTrue(
        serverEnd.sealRequest(keyId, batchOf(digest("x")), List.of(presence(again))).isEmpty());
  }

  @Test
  void serverAcceptsPresenceOfCertifiedAgentAndRefusesItsReplay() throws Exception {
    byte[] presence = agentEnd.signPresence(true, caKey.getPublic().getEncoded());
    AgentPresence accepted = serverEnd.acceptPresence(presence);
    assertEquals(agentId, accepted.agentId());
    assertEquals(keyId, accepted.keyId());
    assertTrue(accepted.online());
    assertEquals(agent.certificate(), accepted.identity());
    refused("Replayed link message", () -> serverEnd.acceptPresence(presence));
  }

  @Test
  void aChangedIdentityOfAKnownAgentIsCheckedInFull() throws Exception {
    presence(agentEnd);
    LinkIdentity uncertified = LinkFixtures.agentIdentity(LinkFixtures.ecKey(), Instant.now());
    AgentEndpoint changed = agentEnd(server, uncertified, agentId, clock);
    refused("Agent identity not signed by the CA key", () -> presence(changed));
  }

  @Test
  void aKnownIdentityIsRefusedOnceItHasEnded() throws Exception {
    MovableClock serverClock = new MovableClock();
    ServerEndpoint node = new ServerEndpoint(server, serverClock, MAX_AGE);
    assertTrue(node.acceptPresence(agentEnd.signPresence(true, caPublic())).online());
    assertTrue(node.acceptPresence(agentEnd.signPresence(true, caPublic())).online());
    serverClock.move(Duration.ofMinutes(16)); // the identity lasted 15
    agentClock.move(Duration.ofMinutes(16));
    refused(
        "Agent identity not current",
        () -> node.acceptPresence(agentEnd.signPresence(true, caPublic())));
  }

  @Test
  void goneNoticeIsAcceptedAfterTheAgeLimitButNotTwiceAndEndsTheSession() throws Exception {
    agentClock.move(Duration.ofSeconds(-60));
    byte[] will = agentEnd.signPresence(false, caKey.getPublic().getEncoded());
    assertFalse(serverEnd.acceptPresence(will).online());
    refused("Replayed link message", () -> serverEnd.acceptPresence(will));
    agentClock.move(Duration.ofSeconds(60));
    AgentPresence stillAnnounced = presence(agentEnd);
    assertTrue(
        serverEnd.sealRequest(keyId, batchOf(digest("x")), List.of(stillAnnounced)).isEmpty());
  }

  @Test
  void rsaSchemeSignsTheDigestInfoSoAPlainVerifierAccepts() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair rsa = generator.generateKeyPair();
    SignatureScheme scheme = SignatureScheme.SHA384_WITH_RSA;
    byte[] data = "tbsCertList".getBytes();
    Signature raw = Signature.getInstance(scheme.rawJcaName());
    raw.initSign(rsa.getPrivate());
    raw.update(scheme.rawInput(MessageDigest.getInstance(scheme.digestAlgorithm()).digest(data)));
    byte[] signature = raw.sign();
    Signature plain = Signature.getInstance(scheme.jcaName());
    plain.initSign(rsa.getPrivate());
    plain.update(data);
    assertArrayEquals(plain.sign(), signature);
  }
}
