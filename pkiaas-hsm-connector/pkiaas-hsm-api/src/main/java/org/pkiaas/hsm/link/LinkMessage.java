package org.pkiaas.hsm.link;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message on the link, as it is signed: a header that every receiver checks (freshness, replay,
 * which key, which recipient) and a body.
 *
 * @param messageId unique per message; a receiver refuses an id it has seen
 * @param issuedAt when the sender made it; a receiver refuses old messages
 * @param keyId the CA key the message is about
 * @param recipient the SHA-256 fingerprint (hex) of the recipient's link certificate, or empty for
 *     a message to anyone (presence); binds a signed message to its recipient so that it cannot be
 *     re-encrypted to someone else
 * @param body what the message says
 */
public record LinkMessage(
    UUID messageId, Instant issuedAt, KeyId keyId, String recipient, Body body) {

  /** Refuses nulls. */
  public LinkMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(body, "body");
  }

  /**
   * Makes a new message with a random id, issued now.
   *
   * @param keyId the CA key the message is about
   * @param recipient the recipient certificate's fingerprint, or empty
   * @param body what it says
   * @return the message
   */
  public static LinkMessage create(KeyId keyId, String recipient, Body body) {
    return new LinkMessage(UUID.randomUUID(), Instant.now(), keyId, recipient, body);
  }

  /** What a message says. */
  public sealed interface Body
      permits SignRequest,
          SignResponse,
          SignBatch,
          SignBatchResponse,
          Presence,
          SessionOffer,
          SessionAccept {}

  /** The most requests one {@link SignBatch} carries. */
  public static final int MAX_BATCH = 32;

  /**
   * The server asks for a signature over a digest.
   *
   * @param scheme the signature algorithm
   * @param digest the digest of the data to be signed
   */
  public record SignRequest(SignatureScheme scheme, byte[] digest) implements Body {

    /** Refuses a digest of the wrong length. */
    public SignRequest {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(digest, "digest");
      if (digest.length != scheme.digestLength()) {
        throw new IllegalArgumentException(
            scheme.jcaName() + " needs a " + scheme.digestLength() + "-byte digest");
      }
      digest = digest.clone();
    }

    @Override
    public byte[] digest() {
      return digest.clone();
    }
  }

  /**
   * The device answers a request: a signature, or why it could not sign.
   *
   * @param inReplyTo the request's message id
   * @param signature the signature in JCA encoding, empty on failure
   * @param failure why the device could not sign, empty on success
   */
  public record SignResponse(UUID inReplyTo, byte[] signature, String failure) implements Body {

    /** Refuses a response that is both or neither a signature and a failure. */
    public SignResponse {
      Objects.requireNonNull(inReplyTo, "inReplyTo");
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(failure, "failure");
      if ((signature.length == 0) == failure.isEmpty()) {
        throw new IllegalArgumentException("A response carries a signature or a failure");
      }
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    /**
     * @return {@code true} if the device signed
     */
    public boolean signed() {
      return signature.length > 0;
    }
  }

  /**
   * The server asks for several signatures with one key in one message: the requests that queued
   * for the key while its previous message was on its way.
   *
   * @param items the requests, each with the id its answer carries; 1 to {@value #MAX_BATCH}, ids
   *     distinct
   */
  public record SignBatch(List<BatchItem> items) implements Body {

    /** Refuses an empty or oversized batch and repeated ids. */
    public SignBatch {
      items = List.copyOf(items);
      if (items.isEmpty() || items.size() > MAX_BATCH) {
        throw new IllegalArgumentException("A batch holds 1 to " + MAX_BATCH + " requests");
      }
      if (items.stream().map(BatchItem::id).distinct().count() != items.size()) {
        throw new IllegalArgumentException("Request ids repeat in a batch");
      }
    }
  }

  /**
   * One request of a {@link SignBatch}.
   *
   * @param id what the answer's {@link SignResponse#inReplyTo} names
   * @param request what to sign
   */
  public record BatchItem(UUID id, SignRequest request) {

    /** Refuses nulls. */
    public BatchItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * The device answers a {@link SignBatch}: one response per request, in any order.
   *
   * @param responses the responses; 1 to {@value #MAX_BATCH}
   */
  public record SignBatchResponse(List<SignResponse> responses) implements Body {

    /** Refuses an empty or oversized answer. */
    public SignBatchResponse {
      responses = List.copyOf(responses);
      if (responses.isEmpty() || responses.size() > MAX_BATCH) {
        throw new IllegalArgumentException("A batch answer holds 1 to " + MAX_BATCH + " responses");
      }
    }
  }

  /**
   * An agent says it serves a key (or, in its will, that it has gone).
   *
   * @param agentId the agent's lasting id
   * @param online {@code false} in the agent's MQTT will and when it stops
   * @param caPublicKey the DER {@code SubjectPublicKeyInfo} of the CA key, whose {@link KeyId} must
   *     match the header's; the agent's identity certificate must verify with it
   */
  public record Presence(UUID agentId, boolean online, byte[] caPublicKey) implements Body {

    /** Refuses nulls. */
    public Presence {
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(caPublicKey, "caPublicKey");
      caPublicKey = caPublicKey.clone();
    }

    @Override
    public byte[] caPublicKey() {
      return caPublicKey.clone();
    }
  }

  /**
   * The server offers a session to one agent identity: the first handshake message ({@link
   * LinkSession}). The header's message id is the session id, its recipient the fingerprint of the
   * agent identity certificate the offer is for.
   *
   * @param ephemeralKey the DER {@code SubjectPublicKeyInfo} of the server's ephemeral P-256 key
   */
  public record SessionOffer(byte[] ephemeralKey) implements Body {

    /** Refuses nulls. */
    public SessionOffer {
      Objects.requireNonNull(ephemeralKey, "ephemeralKey");
      ephemeralKey = ephemeralKey.clone();
    }

    @Override
    public byte[] ephemeralKey() {
      return ephemeralKey.clone();
    }
  }

  /**
   * The agent accepts a session: the second and last handshake message. The header's recipient is
   * the fingerprint of the server's link certificate.
   *
   * @param sessionId the offer's message id
   * @param offerDigest the SHA-256 of the signed offer exactly as received
   * @param ephemeralKey the DER {@code SubjectPublicKeyInfo} of the agent's ephemeral P-256 key
   */
  public record SessionAccept(UUID sessionId, byte[] offerDigest, byte[] ephemeralKey)
      implements Body {

    /** Refuses nulls. */
    public SessionAccept {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(offerDigest, "offerDigest");
      Objects.requireNonNull(ephemeralKey, "ephemeralKey");
      offerDigest = offerDigest.clone();
      ephemeralKey = ephemeralKey.clone();
    }

    @Override
    public byte[] offerDigest() {
      return offerDigest.clone();
    }

    @Override
    public byte[] ephemeralKey() {
      return ephemeralKey.clone();
    }
  }
}
