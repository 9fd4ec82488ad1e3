package org.pkiaas.hsm.link;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.hsm.link.LinkMessage.Presence;
import org.pkiaas.hsm.link.LinkMessage.SessionAccept;
import org.pkiaas.hsm.link.LinkMessage.SessionOffer;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.SessionFrame.SessionRecord;

/**
 * The server's end of the link. It accepts presence announcements signed by an agent identity that
 * the named CA key certified; offers each such agent a session ({@link LinkSession}) and accepts
 * only the answer signed by the identity it offered to; seals each signing request once per live
 * agent session of the key; and opens only responses of its own sessions that are authentic, in
 * sequence, fresh and about the key asked.
 */
public final class ServerEndpoint {

  // A session stops taking requests this long before it ends, so that the answer still fits.
  private static final Duration USE_MARGIN = Duration.ofSeconds(30);
  private static final int MAX_RECORDS = 32;
  // An offer unanswered this long (lost, or the agent was not listening yet) is made again.
  private static final Duration OFFER_RETRY = Duration.ofSeconds(2);

  private record AgentKey(KeyId keyId, UUID agentId) {}

  private record PendingOffer(AgentPresence agent, KeyPair ephemeral, byte[] bytes, Instant sent) {}

  private final LinkIdentity identity;
  private final Clock clock;
  private final Duration maxAge;
  private final FreshnessGuard freshness;
  private final CertifiedIdentities certified = new CertifiedIdentities();
  private final Map<UUID, PendingOffer> offers = new ConcurrentHashMap<>();
  private final Map<UUID, LinkSession> sessions = new ConcurrentHashMap<>();
  private final Map<AgentKey, LinkSession> current = new ConcurrentHashMap<>();

  /**
   * @param identity the server's link identity, pinned in every agent
   * @param clock the server's clock
   * @param maxAge how old (or how far ahead) an accepted message may be
   */
  public ServerEndpoint(LinkIdentity identity, Clock clock, Duration maxAge) {
    this.identity = identity;
    this.clock = clock;
    this.maxAge = maxAge;
    this.freshness = new FreshnessGuard(clock, maxAge);
  }

  /** An agent that proved it holds a key, as its presence announcement said. */
  public record AgentPresence(
      KeyId keyId, UUID agentId, boolean online, X509Certificate identity, PublicKey caKey) {}

  /**
   * A request and its protected form.
   *
   * @param message what was sealed (its id correlates the response)
   * @param bytes the {@link SessionFrame} to publish
   */
  public record Sealed(LinkMessage message, byte[] bytes) {}

  /**
   * @return the server's link certificate, which agents pin
   */
  public X509Certificate certificate() {
    return identity.certificate();
  }

  /**
   * Accepts a presence announcement: the CA key it names must have certified its signer (checked
   * once per certificate and CA key, see {@link CertifiedIdentities}; its validity every time).
   *
   * <p>An agent's "gone" notice is its MQTT will, signed when it connected, so it is not held to
   * the age limit; it is still refused if replayed or not signed by a certified identity.
   *
   * @param signed the announcement
   * @return who announced what
   * @throws LinkRefusedException if any check fails
   */
  public AgentPresence acceptPresence(byte[] signed) throws LinkRefusedException {
    LinkEnvelope.Opened opened = LinkEnvelope.verify(signed);
    LinkMessage message = opened.message();
    if (!(message.body() instanceof Presence presence)) {
      throw new LinkRefusedException("Not a presence announcement");
    }
    if (!KeyId.ofSubjectPublicKeyInfo(presence.caPublicKey()).equals(message.keyId())) {
      throw new LinkRefusedException("Presence names a key other than its key id");
    }
    PublicKey caKey = AgentIdentityCertificates.caKey(presence.caPublicKey());
    if (presence.online()) {
      certified.verify(opened.signer(), caKey, clock.instant());
      freshness.accept(message);
    } else {
      certified.verify(opened.signer(), caKey, opened.signer().getNotBefore().toInstant());
      freshness.acceptOnce(message);
      current.remove(new AgentKey(message.keyId(), presence.agentId()));
    }
    return new AgentPresence(
        message.keyId(), presence.agentId(), presence.online(), opened.signer(), caKey);
  }

  /**
   * Whether an online agent should be offered a session: it has none with this server, its session
   * is bound to an identity it no longer announces (it restarted or renewed its identity), or its
   * session is due for renewal; and no offer to it was made in the last two seconds.
   *
   * @param agent an accepted presence
   * @return {@code true} if {@link #offerSession} should be called
   */
  public boolean needsSession(AgentPresence agent) {
    Instant now = clock.instant();
    offers.values().removeIf(offer -> offer.sent().isBefore(now.minus(maxAge)));
    if (offers.values().stream()
        .anyMatch(offer -> offer.agent().identity().equals(agent.identity()))) {
      return false;
    }
    LinkSession session = current.get(new AgentKey(agent.keyId(), agent.agentId()));
    return session == null
        || !session.agentIdentity().equals(LinkIdentity.fingerprint(agent.identity()))
        || session.renewalDue(now);
  }

  /**
   * Makes the first handshake message for an agent identity: a fresh session id and ephemeral P-256
   * key, signed with the server's link identity and addressed to the agent identity's fingerprint.
   *
   * @param agent the accepted presence of the agent
   * @return the offer (its message id is the session id) and its signed bytes, to be published to
   *     the agent's {@link LinkTopics#sessions} topic
   */
  public Sealed offerSession(AgentPresence agent) {
    KeyPair ephemeral = SessionKeys.ephemeral();
    LinkMessage message =
        new LinkMessage(
            UUID.randomUUID(),
            clock.instant(),
            agent.keyId(),
            LinkIdentity.fingerprint(agent.identity()),
            new SessionOffer(ephemeral.getPublic().getEncoded()));
    byte[] bytes = LinkEnvelope.sign(message, identity);
    offers.put(message.messageId(), new PendingOffer(agent, ephemeral, bytes, message.issuedAt()));
    return new Sealed(message, bytes);
  }

  /**
   * Completes a handshake from the agent's signed acceptance, and makes the session the agent's
   * current one.
   *
   * @param signed the acceptance
   * @return the session
   * @throws LinkRefusedException if it answers no pending offer of this server, is not signed by
   *     the identity offered to, that identity is not a current one certified by the CA key, or it
   *     is stale, replayed, addressed to another server or about another key or offer
   */
  public LinkSession acceptSession(byte[] signed) throws LinkRefusedException {
    LinkEnvelope.Opened opened = LinkEnvelope.verify(signed);
    LinkMessage message = opened.message();
    if (!(message.body() instanceof SessionAccept accept)) {
      throw new LinkRefusedException("Not a session acceptance");
    }
    PendingOffer offer = offers.get(accept.sessionId());
    if (offer == null) {
      throw new LinkRefusedException("No pending session offer with that id");
    }
    AgentPresence agent = offer.agent();
    if (!opened.signer().equals(agent.identity())) {
      throw new LinkRefusedException("Session accepted by another identity than the one offered");
    }
    Instant now = clock.instant();
    certified.verify(opened.signer(), agent.caKey(), now);
    if (!message.keyId().equals(agent.keyId())) {
      throw new LinkRefusedException("Session acceptance about another key");
    }
    if (!message.recipient().equals(identity.fingerprint())) {
      throw new LinkRefusedException("Session acceptance addressed to another server");
    }
    if (!MessageDigest.isEqual(accept.offerDigest(), SessionKeys.sha256(offer.bytes()))) {
      throw new LinkRefusedException("Session acceptance of another offer");
    }
    freshness.accept(message);
    if (!offers.remove(accept.sessionId(), offer)) {
      throw new LinkRefusedException("Replayed link message");
    }
    Instant ends = now.plus(LinkSession.MAX_LIFETIME);
    if (agent.identity().getNotAfter().toInstant().isBefore(ends)) {
      ends = agent.identity().getNotAfter().toInstant();
    }
    LinkSession session =
        SessionKeys.derive(
            LinkSession.Side.SERVER,
            new SessionKeys.Transcript(
                accept.sessionId(),
                agent.keyId(),
                agent.agentId(),
                offer.bytes(),
                signed,
                identity.fingerprint(),
                LinkIdentity.fingerprint(agent.identity()),
                now,
                ends),
            offer.ephemeral().getPrivate(),
            SessionKeys.peerKey(accept.ephemeralKey()));
    sessions.values().removeIf(old -> !now.isBefore(old.ends()));
    sessions.put(session.id(), session);
    current.put(new AgentKey(agent.keyId(), agent.agentId()), session);
    return session;
  }

  /**
   * Seals a batch of signing requests for each listed agent of the key that has a usable session
   * with this server, bound to the identity it announces now (an agent that restarted has a new
   * identity and has lost its old sessions): one {@link SessionRecord} per session in one frame, so
   * whichever agent the broker hands it to can open it. Callers publish frames in the order they
   * sealed them.
   *
   * @param keyId the CA key
   * @param batch what to sign, each request with the id its answer names
   * @param agents the latest presence of each of the key's live agents
   * @return the batch and its frame, or empty if none of the agents has a usable session yet
   */
  public Optional<Sealed> sealRequest(
      KeyId keyId, SignBatch batch, Collection<AgentPresence> agents) {
    Instant now = clock.instant();
    LinkMessage message = new LinkMessage(UUID.randomUUID(), now, keyId, "", batch);
    List<SessionRecord> records = new ArrayList<>();
    for (AgentPresence agent : agents) {
      LinkSession session = current.get(new AgentKey(keyId, agent.agentId()));
      if (session != null
          && session.usable(now, USE_MARGIN)
          && session.agentIdentity().equals(LinkIdentity.fingerprint(agent.identity()))
          && records.size() < MAX_RECORDS) {
        try {
          records.add(session.seal(SessionFrame.REQUEST, message));
        } catch (LinkRefusedException e) {
          // ended between the check and the seal: the other sessions carry the request
        }
      }
    }
    if (records.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Sealed(message, new SessionFrame(SessionFrame.REQUEST, records).encode()));
  }

  /**
   * Opens the answer to a batch: a single record of one of this server's sessions, authentic, in
   * sequence, fresh, addressed to this server and about {@code caKey}. Which requests it answers is
   * for the caller to match.
   *
   * @param frame the response frame
   * @param caKey the public key of the CA key the batch was for
   * @return the responses
   * @throws LinkRefusedException if any check fails
   */
  public SignBatchResponse openResponse(byte[] frame, PublicKey caKey) throws LinkRefusedException {
    SessionFrame decoded = SessionFrame.decode(frame);
    if (decoded.type() != SessionFrame.RESPONSE || decoded.records().size() != 1) {
      throw new LinkRefusedException("Not a signing response");
    }
    SessionRecord record = decoded.records().get(0);
    LinkSession session = sessions.get(record.sessionId());
    if (session == null) {
      throw new LinkRefusedException("Link record of an unknown session");
    }
    LinkMessage message = session.open(SessionFrame.RESPONSE, record, clock.instant(), maxAge);
    KeyId keyId = KeyId.of(caKey);
    if (!session.keyId().equals(keyId) || !message.keyId().equals(keyId)) {
      throw new LinkRefusedException("Response about another key");
    }
    if (!message.recipient().equals(identity.fingerprint())) {
      throw new LinkRefusedException("Response addressed to another server");
    }
    if (!(message.body() instanceof SignBatchResponse response)) {
      throw new LinkRefusedException("Not a signing response");
    }
    return response;
  }
}
