package org.pkiaas.acme.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.pkiaas.acme.control.NonceCodec;
import org.pkiaas.signing.MasterKey;

/**
 * Makes Replay-Nonce values (RFC 8555 §6.5) for every ACME response. A nonce carries its expiry and
 * a MAC under a key every node derives from the master key ({@link NonceCodec}), so making one
 * needs neither a transaction nor the database; {@link AcmeNonces} records their use.
 */
@ApplicationScoped
public class NonceIssuer {

  static final Duration LIFETIME = Duration.ofHours(1);

  @Inject MasterKey masterKey;

  private NonceCodec codec;

  @PostConstruct
  void derive() {
    codec = NonceCodec.fromMasterKey(masterKey.key());
  }

  /** A fresh nonce, base64url as §6.5.1 requires. */
  public String issue() {
    return codec.issue(Instant.now().plus(LIFETIME));
  }

  /**
   * When {@code nonce} expires; null when this installation did not make it or it expired before
   * {@code now}.
   */
  Instant expiry(String nonce, Instant now) {
    return codec.expiry(nonce, now);
  }
}
