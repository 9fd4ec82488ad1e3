package org.pkiaas.hsm.link;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.pkiaas.hsm.link.LinkMessage.Presence;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

/**
 * An agent's end of the link: accepts only signing requests that the server certificate pinned at
 * provisioning signed, for this agent's key, fresh and not replayed; signs and seals its responses
 * to that server with its current identity.
 */
public final class AgentEndpoint {

  private final KeyId keyId;
  private final X509Certificate pinnedServer;
  private final Supplier<List<LinkIdentity>> identities;
  private final Clock clock;
  private final FreshnessGuard freshness;

  /**
   * @param keyId the key this agent serves
   * @param pinnedServer the server's link certificate, pinned at provisioning
   * @param identities the agent's identities, newest first (the previous one still opens requests
   *     sealed just before a renewal)
   * @param clock the agent's clock
   * @param maxAge how old (or how far ahead) an accepted request may be
   */
  public AgentEndpoint(
      KeyId keyId,
      X509Certificate pinnedServer,
      Supplier<List<LinkIdentity>> identities,
      Clock clock,
      Duration maxAge) {
    this.keyId = keyId;
    this.pinnedServer = pinnedServer;
    this.identities = identities;
    this.clock = clock;
    this.freshness = new FreshnessGuard(clock, maxAge);
  }

  /**
   * Opens a request from the server.
   *
   * @param sealed the sealed request
   * @return the request message
   * @throws LinkRefusedException if it is not for this agent's key, not signed by the pinned
   *     server, stale, replayed or tampered with
   */
  public LinkMessage openRequest(byte[] sealed) throws LinkRefusedException {
    LinkEnvelope.Opened opened = null;
    LinkRefusedException refusal = new LinkRefusedException("Agent has no identity");
    for (LinkIdentity identity : identities.get()) {
      try {
        opened = LinkEnvelope.open(sealed, identity);
        break;
      } catch (LinkRefusedException e) {
        refusal = e;
      }
    }
    if (opened == null) {
      throw refusal;
    }
    if (!opened.signer().equals(pinnedServer)) {
      throw new LinkRefusedException("Request not signed by the pinned server");
    }
    LinkMessage message = opened.message();
    if (!message.keyId().equals(keyId)) {
      throw new LinkRefusedException("Request for another key");
    }
    if (!(message.body() instanceof SignRequest)) {
      throw new LinkRefusedException("Not a signing request");
    }
    freshness.accept(message);
    return message;
  }

  /**
   * Seals a response to the pinned server.
   *
   * @param response the answer
   * @return the sealed bytes
   */
  public byte[] sealResponse(SignResponse response) {
    LinkMessage message =
        new LinkMessage(
            UUID.randomUUID(),
            clock.instant(),
            keyId,
            LinkIdentity.fingerprint(pinnedServer),
            response);
    return LinkEnvelope.seal(message, identities.get().get(0), List.of(pinnedServer));
  }

  /**
   * Signs a presence announcement with the current identity.
   *
   * @param agentId the agent's lasting id
   * @param online whether it is serving (or, for its will, gone)
   * @param caPublicKey the DER {@code SubjectPublicKeyInfo} of the CA key
   * @return the signed announcement
   */
  public byte[] signPresence(UUID agentId, boolean online, byte[] caPublicKey) {
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
