package org.pkiaas.hsm.link;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pkiaas.hsm.link.LinkMessage.Presence;
import org.pkiaas.hsm.link.LinkMessage.SessionAccept;
import org.pkiaas.hsm.link.LinkMessage.SessionOffer;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.SessionFrame.SessionRecord;

/**
 * An agent's end of the link: accepts session offers only from the server certificate pinned at
 * provisioning, for this agent's key and one of its current identities, fresh and not replayed;
 * opens only batches of signing requests sealed in one of those sessions, authentic, in sequence
 * and fresh; and seals each response in the session its request came in.
 */
public final class AgentEndpoint {

  // One session per server node and identity; a generous bound against a flood of offers.
  private static final int MAX_SESSIONS = 64;

  private final KeyId keyId;
  private final UUID agentId;
  private final X509Certificate pinnedServer;
  private final String pinnedFingerprint;
  private final Supplier<List<LinkIdentity>> identities;
  private final Clock clock;
  private final Duration maxAge;
  private final FreshnessGuard freshness;
  private final Map<UUID, LinkSession> sessions = new ConcurrentHashMap<>();

  /**
   * @param keyId the key this agent serves
   * @param agentId the agent's lasting id
   * @param pinnedServer the server's link certificate, pinned at provisioning
   * @param identities the agent's identities, newest first (the previous one keeps its sessions
   *     until it ends)
   * @param clock the agent's clock
   * @param maxAge how old (or how far ahead) an accepted message may be
   */
  public AgentEndpoint(
      KeyId keyId,
      UUID agentId,
      X509Certificate pinnedServer,
      Supplier<List<LinkIdentity>> identities,
      Clock clock,
      Duration maxAge) {
    this.keyId = keyId;
    this.agentId = agentId;
    this.pinnedServer = pinnedServer;
    this.pinnedFingerprint = LinkIdentity.fingerprint(pinnedServer);
    this.identities = identities;
    this.clock = clock;
    this.maxAge = maxAge;
    this.freshness = new FreshnessGuard(clock, maxAge);
  }

  /**
   * A completed handshake on the agent's side.
   *
   * @param session the new session
   * @param accept the signed acceptance to publish to the offer's response topic
   */
  public record Handshake(LinkSession session, byte[] accept) {}

  /**
   * A batch of requests opened in one of the agent's sessions.
   *
   * @param session the session to answer in
   * @param message the message, whose body is the batch
   */
  public record Received(LinkSession session, LinkMessage message) {

    /**
     * @return the requests
     */
    public SignBatch batch() {
      return (SignBatch) message.body();
    }
  }

  /**
   * @return {@code true} once at least one server has a session with this agent
   */
  public boolean hasSession() {
    return !sessions.isEmpty();
  }

  /**
   * Accepts a session offer: answers it with a fresh ephemeral key, signed with the identity the
   * offer names, and keeps the session.
   *
   * @param signed the signed offer as received
   * @return the session and the acceptance
   * @throws LinkRefusedException if it is not signed by the pinned server, not for this key or a
   *     current identity of this agent, stale or replayed
   */
  public Handshake acceptOffer(byte[] signed) throws LinkRefusedException {
    LinkEnvelope.Opened opened = LinkEnvelope.verify(signed);
    if (!opened.signer().equals(pinnedServer)) {
      throw new LinkRefusedException("Session offer not signed by the pinned server");
    }
    LinkMessage offer = opened.message();
    if (!offer.keyId().equals(keyId)) {
      throw new LinkRefusedException("Session offer for another key");
    }
    if (!(offer.body() instanceof SessionOffer body)) {
      throw new LinkRefusedException("Not a session offer");
    }
    List<LinkIdentity> current = identities.get();
    LinkIdentity identity =
        current.stream()
            .filter(candidate -> candidate.fingerprint().equals(offer.recipient()))
            .findFirst()
            .orElseThrow(
                () -> new LinkRefusedException("Session offer for another agent identity"));
    freshness.accept(offer);
    KeyPair ephemeral = SessionKeys.ephemeral();
    Instant now = clock.instant();
    byte[] accept =
        LinkEnvelope.sign(
            new LinkMessage(
                UUID.randomUUID(),
                now,
                keyId,
                pinnedFingerprint,
                new SessionAccept(
                    offer.messageId(),
                    SessionKeys.sha256(signed),
                    ephemeral.getPublic().getEncoded())),
            identity);
    Instant ends = now.plus(LinkSession.MAX_LIFETIME);
    Instant identityEnds = identity.certificate().getNotAfter().toInstant();
    LinkSession session =
        SessionKeys.derive(
            LinkSession.Side.AGENT,
            new SessionKeys.Transcript(
                offer.messageId(),
                keyId,
                agentId,
                signed,
                accept,
                pinnedFingerprint,
                identity.fingerprint(),
                now,
                identityEnds.isBefore(ends) ? identityEnds : ends),
            ephemeral.getPrivate(),
            SessionKeys.peerKey(body.ephemeralKey()));
    prune(now, current);
    sessions.put(session.id(), session);
    return new Handshake(session, accept);
  }

  /** Drops ended sessions and those of identities the agent no longer holds; keeps the newest. */
  private void prune(Instant now, List<LinkIdentity> current) {
    Set<String> held = current.stream().map(LinkIdentity::fingerprint).collect(Collectors.toSet());
    sessions.values().removeIf(s -> !now.isBefore(s.ends()) || !held.contains(s.agentIdentity()));
    while (sessions.size() >= MAX_SESSIONS) {
      sessions.values().stream()
          .min(Comparator.comparing(LinkSession::ends))
          .ifPresent(oldest -> sessions.remove(oldest.id()));
    }
  }

  /**
   * Opens a request from the server: the record of one of this agent's sessions.
   *
   * @param frame the request frame
   * @return the request and the session it came in
   * @throws LinkRefusedException if no record is for a session of this agent, or the record does
   *     not authenticate, is replayed, reordered, stale, or asks about another key
   */
  public Received openRequest(byte[] frame) throws LinkRefusedException {
    SessionFrame decoded = SessionFrame.decode(frame);
    if (decoded.type() != SessionFrame.REQUEST) {
      throw new LinkRefusedException("Not a signing request");
    }
    for (SessionRecord record : decoded.records()) {
      LinkSession session = sessions.get(record.sessionId());
      if (session != null) {
        LinkMessage message = session.open(SessionFrame.REQUEST, record, clock.instant(), maxAge);
        if (!message.keyId().equals(keyId) || !session.keyId().equals(keyId)) {
          throw new LinkRefusedException("Request for another key");
        }
        if (!(message.body() instanceof SignBatch)) {
          throw new LinkRefusedException("Not a signing request");
        }
        return new Received(session, message);
      }
    }
    throw new LinkRefusedException("Request for no session of this agent");
  }

  /**
   * Seals the answer to a batch in the session the batch came in.
   *
   * @param session the batch's session
   * @param response the answers
   * @return the response frame
   * @throws LinkRefusedException if the session has ended meanwhile
   */
  public byte[] sealResponse(LinkSession session, SignBatchResponse response)
      throws LinkRefusedException {
    LinkMessage message =
        new LinkMessage(UUID.randomUUID(), clock.instant(), keyId, pinnedFingerprint, response);
    return new SessionFrame(
            SessionFrame.RESPONSE, List.of(session.seal(SessionFrame.RESPONSE, message)))
        .encode();
  }

  /**
   * Signs a presence announcement with the current identity.
   *
   * @param online whether it is serving (or, for its will, gone)
   * @param caPublicKey the DER {@code SubjectPublicKeyInfo} of the CA key
   * @return the signed announcement
   */
  public byte[] signPresence(boolean online, byte[] caPublicKey) {
    LinkMessage message =
        new LinkMessage(
            UUID.randomUUID(),
            clock.instant(),
            keyId,
            "",
            new Presence(agentId, online, caPublicKey));
    return LinkEnvelope.sign(message, identities.get().get(0));
  }
}
