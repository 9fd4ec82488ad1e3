package org.pkiaas.hsm.link;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.pkiaas.hsm.link.LinkMessage.Presence;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

/**
 * The server's end of the link: seals signing requests to the agents of a key, and accepts only
 * presence announcements and responses that an agent identity certified by that key signed, that
 * are fresh, not replayed, and (for responses) addressed to this server.
 */
public final class ServerEndpoint {

  private final LinkIdentity identity;
  private final Clock clock;
  private final FreshnessGuard freshness;

  /**
   * @param identity the server's link identity, pinned in every agent
   * @param clock the server's clock
   * @param maxAge how old (or how far ahead) an accepted message may be
   */
  public ServerEndpoint(LinkIdentity identity, Clock clock, Duration maxAge) {
    this.identity = identity;
    this.clock = clock;
    this.freshness = new FreshnessGuard(clock, maxAge);
  }

  /** An agent that proved it holds a key, as its presence announcement said. */
  public record AgentPresence(
      KeyId keyId, UUID agentId, boolean online, X509Certificate identity, PublicKey caKey) {}

  /**
   * @return the server's link certificate, which agents pin
   */
  public X509Certificate certificate() {
    return identity.certificate();
  }

  /**
   * Seals a signing request to every live agent identity of a key.
   *
   * @param keyId the CA key
   * @param request what to sign
   * @param agents the identity certificates of the key's live agents
   * @return the request message (its id correlates the response) and its sealed bytes
   */
  public Sealed sealRequest(KeyId keyId, SignRequest request, Collection<X509Certificate> agents) {
    LinkMessage message = new LinkMessage(UUID.randomUUID(), clock.instant(), keyId, "", request);
    return new Sealed(message, LinkEnvelope.seal(message, identity, agents));
  }

  /**
   * A message and its protected form.
   *
   * @param message what was sealed
   * @param bytes the sealed bytes to publish
   */
  public record Sealed(LinkMessage message, byte[] bytes) {}

  /**
   * Accepts a presence announcement: the CA key it names must have certified its signer.
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
    PublicKey caKey = publicKey(presence.caPublicKey());
    if (presence.online()) {
      AgentIdentityCertificates.verify(opened.signer(), caKey, clock.instant());
      freshness.accept(message);
    } else {
      AgentIdentityCertificates.verify(
          opened.signer(), caKey, opened.signer().getNotBefore().toInstant());
      freshness.acceptOnce(message);
    }
    return new AgentPresence(
        message.keyId(), presence.agentId(), presence.online(), opened.signer(), caKey);
  }

  /**
   * Opens a response: it must be addressed to this server, fresh, not replayed, and signed by a
   * current agent identity that {@code caKey} certified.
   *
   * @param sealed the sealed response
   * @param caKey the public key of the CA key the request was for
   * @return the response
   * @throws LinkRefusedException if any check fails
   */
  public SignResponse openResponse(byte[] sealed, PublicKey caKey) throws LinkRefusedException {
    LinkEnvelope.Opened opened = LinkEnvelope.open(sealed, identity);
    LinkMessage message = opened.message();
    if (!message.recipient().equals(identity.fingerprint())) {
      throw new LinkRefusedException("Response addressed to another server");
    }
    if (!message.keyId().equals(KeyId.of(caKey))) {
      throw new LinkRefusedException("Response about another key");
    }
    if (!(message.body() instanceof SignResponse response)) {
      throw new LinkRefusedException("Not a signing response");
    }
    AgentIdentityCertificates.verify(opened.signer(), caKey, clock.instant());
    freshness.accept(message);
    return response;
  }

  private static PublicKey publicKey(byte[] subjectPublicKeyInfo) throws LinkRefusedException {
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm)
            .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new LinkRefusedException("Presence names a key that is neither EC nor RSA");
  }
}
