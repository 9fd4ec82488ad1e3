package org.pkiaas.hsm.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

/** Each end refuses tampered, replayed, stale and foreign-key messages. */
class LinkEndpointsTest {

  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final Clock clock = Clock.systemUTC();
  private KeyPair caKey;
  private KeyId keyId;
  private LinkIdentity server;
  private LinkIdentity agent;
  private ServerEndpoint serverEnd;
  private AgentEndpoint agentEnd;

  @BeforeEach
  void setUp() throws Exception {
    caKey = LinkFixtures.ecKey();
    keyId = KeyId.of(caKey.getPublic());
    server = LinkFixtures.serverIdentity();
    agent = LinkFixtures.agentIdentity(caKey, Instant.now());
    serverEnd = new ServerEndpoint(server, clock, MAX_AGE);
    agentEnd = agentEnd(server, agent, clock);
  }

  private AgentEndpoint agentEnd(LinkIdentity pinned, LinkIdentity identity, Clock agentClock) {
    return new AgentEndpoint(
        keyId, pinned.certificate(), () -> List.of(identity), agentClock, MAX_AGE);
  }

  private static byte[] digest(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
  }

  private ServerEndpoint.Sealed request() throws Exception {
    return serverEnd.sealRequest(
        keyId,
        new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("tbs")),
        List.of(agent.certificate()));
  }

  private byte[] respond(LinkMessage request) throws Exception {
    SignRequest body = (SignRequest) request.body();
    Signature raw = Signature.getInstance(body.scheme().rawJcaName());
    raw.initSign(caKey.getPrivate());
    raw.update(body.scheme().rawInput(body.digest()));
    return agentEnd.sealResponse(new SignResponse(request.messageId(), raw.sign(), ""));
  }

  @Test
  void requestAndResponseRoundTripToAVerifiableSignature() throws Exception {
    ServerEndpoint.Sealed sealed = request();
    LinkMessage received = agentEnd.openRequest(sealed.bytes());
    assertEquals(sealed.message().messageId(), received.messageId());

    SignResponse response = serverEnd.openResponse(respond(received), caKey.getPublic());

    assertEquals(sealed.message().messageId(), response.inReplyTo());
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(caKey.getPublic());
    verifier.update("tbs".getBytes());
    assertTrue(verifier.verify(response.signature()));
  }

  @Test
  void agentRefusesTamperedRequest() throws Exception {
    byte[] bytes = request().bytes();
    bytes[bytes.length - 20] ^= 1;
    assertThrows(LinkRefusedException.class, () -> agentEnd.openRequest(bytes));
  }

  @Test
  void serverRefusesTamperedResponse() throws Exception {
    byte[] bytes = respond(agentEnd.openRequest(request().bytes()));
    bytes[bytes.length - 20] ^= 1;
    assertThrows(
        LinkRefusedException.class, () -> serverEnd.openResponse(bytes, caKey.getPublic()));
  }

  @Test
  void agentRefusesReplayedRequest() throws Exception {
    byte[] bytes = request().bytes();
    agentEnd.openRequest(bytes);
    LinkRefusedException refused =
        assertThrows(LinkRefusedException.class, () -> agentEnd.openRequest(bytes));
    assertEquals("Replayed link message", refused.getMessage());
  }

  @Test
  void serverRefusesReplayedResponse() throws Exception {
    byte[] bytes = respond(agentEnd.openRequest(request().bytes()));
    serverEnd.openResponse(bytes, caKey.getPublic());
    LinkRefusedException refused =
        assertThrows(
            LinkRefusedException.class, () -> serverEnd.openResponse(bytes, caKey.getPublic()));
    assertEquals("Replayed link message", refused.getMessage());
  }

  @Test
  void agentRefusesStaleRequest() throws Exception {
    Clock late = Clock.fixed(Instant.now().plusSeconds(30), ZoneOffset.UTC);
    AgentEndpoint lateAgent = agentEnd(server, agent, late);
    LinkRefusedException refused =
        assertThrows(LinkRefusedException.class, () -> lateAgent.openRequest(request().bytes()));
    assertEquals("Stale link message", refused.getMessage());
  }

  @Test
  void serverRefusesStaleResponse() throws Exception {
    Clock early = Clock.fixed(Instant.now().minusSeconds(30), ZoneOffset.UTC);
    AgentEndpoint earlyAgent = agentEnd(server, agent, early);
    LinkMessage received = agentEnd.openRequest(request().bytes());
    byte[] stale =
        earlyAgent.sealResponse(new SignResponse(received.messageId(), new byte[0], "refused"));
    LinkRefusedException refused =
        assertThrows(
            LinkRefusedException.class, () -> serverEnd.openResponse(stale, caKey.getPublic()));
    assertEquals("Stale link message", refused.getMessage());
  }

  @Test
  void agentRefusesRequestSignedByAnotherServerKey() throws Exception {
    LinkIdentity impostor = LinkFixtures.serverIdentity();
    ServerEndpoint impostorEnd = new ServerEndpoint(impostor, clock, MAX_AGE);
    byte[] forged =
        impostorEnd
            .sealRequest(
                keyId,
                new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("x")),
                List.of(agent.certificate()))
            .bytes();
    LinkRefusedException refused =
        assertThrows(LinkRefusedException.class, () -> agentEnd.openRequest(forged));
    assertEquals("Request not signed by the pinned server", refused.getMessage());
  }

  @Test
  void serverRefusesResponseFromIdentityNotCertifiedByTheCaKey() throws Exception {
    KeyPair foreignCa = LinkFixtures.ecKey();
    LinkIdentity foreign = LinkFixtures.agentIdentity(foreignCa, Instant.now());
    AgentEndpoint foreignAgent = agentEnd(server, foreign, clock);
    LinkMessage received = agentEnd.openRequest(request().bytes());
    byte[] forged =
        foreignAgent.sealResponse(new SignResponse(received.messageId(), new byte[] {1}, ""));
    LinkRefusedException refused =
        assertThrows(
            LinkRefusedException.class, () -> serverEnd.openResponse(forged, caKey.getPublic()));
    assertEquals("Agent identity not signed by the CA key", refused.getMessage());
  }

  @Test
  void agentRefusesRequestForAnotherKey() throws Exception {
    KeyId other = KeyId.of(LinkFixtures.ecKey().getPublic());
    byte[] bytes =
        serverEnd
            .sealRequest(
                other,
                new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("x")),
                List.of(agent.certificate()))
            .bytes();
    assertThrows(LinkRefusedException.class, () -> agentEnd.openRequest(bytes));
  }

  @Test
  void agentCannotOpenRequestSealedToAnotherAgent() throws Exception {
    LinkIdentity other = LinkFixtures.agentIdentity(caKey, Instant.now());
    byte[] bytes =
        serverEnd
            .sealRequest(
                keyId,
                new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("x")),
                List.of(other.certificate()))
            .bytes();
    LinkRefusedException refused =
        assertThrows(LinkRefusedException.class, () -> agentEnd.openRequest(bytes));
    assertEquals("Link message not addressed to this end", refused.getMessage());
  }

  @Test
  void everyAgentOfAKeyOpensARequestSealedToAllOfThem() throws Exception {
    LinkIdentity second = LinkFixtures.agentIdentity(caKey, Instant.now());
    byte[] bytes =
        serverEnd
            .sealRequest(
                keyId,
                new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, digest("x")),
                List.of(agent.certificate(), second.certificate()))
            .bytes();
    agentEnd(server, second, clock).openRequest(bytes);
    agentEnd.openRequest(bytes);
  }

  @Test
  void serverAcceptsPresenceOfCertifiedAgentAndRefusesItsReplay() throws Exception {
    UUID agentId = UUID.randomUUID();
    byte[] presence = agentEnd.signPresence(agentId, true, caKey.getPublic().getEncoded());
    ServerEndpoint.AgentPresence accepted = serverEnd.acceptPresence(presence);
    assertEquals(agentId, accepted.agentId());
    assertEquals(keyId, accepted.keyId());
    assertTrue(accepted.online());
    assertEquals(agent.certificate(), accepted.identity());
    assertThrows(LinkRefusedException.class, () -> serverEnd.acceptPresence(presence));
  }

  @Test
  void serverRefusesPresenceNamingAKeyThatDidNotCertifyTheAgent() throws Exception {
    KeyPair foreignCa = LinkFixtures.ecKey();
    LinkIdentity foreign = LinkFixtures.agentIdentity(foreignCa, Instant.now());
    AgentEndpoint foreignAgent = agentEnd(server, foreign, clock);
    byte[] claimsOurKey =
        foreignAgent.signPresence(UUID.randomUUID(), true, caKey.getPublic().getEncoded());
    assertThrows(LinkRefusedException.class, () -> serverEnd.acceptPresence(claimsOurKey));
  }

  @Test
  void goneNoticeIsAcceptedAfterTheAgeLimitButNotTwice() throws Exception {
    Clock early = Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC);
    byte[] will =
        agentEnd(server, agent, early)
            .signPresence(UUID.randomUUID(), false, caKey.getPublic().getEncoded());
    assertFalse(serverEnd.acceptPresence(will).online());
    LinkRefusedException refused =
        assertThrows(LinkRefusedException.class, () -> serverEnd.acceptPresence(will));
    assertEquals("Replayed link message", refused.getMessage());
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
