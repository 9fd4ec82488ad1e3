package org.pkiaas.pki.acme;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pkiaas.acme.entity.AcmeAccount;

/**
 * The signature verifiers of recently active accounts, so that an account's stored JWK is parsed
 * and turned into a key object once, not on every request. Keyed by the stored JWK itself: after a
 * keyChange (RFC 8555 §7.3.5) the account's new key finds no entry, and the old one is never looked
 * up again. The account is read in every request's transaction, so a deactivated account is refused
 * whatever is kept here.
 */
@ApplicationScoped
public class AccountVerifiers {

  static final int CAPACITY = 10_000;

  private final Map<String, JWSVerifier> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JWSVerifier> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The verifier of the account's current key. */
  JWSVerifier of(AcmeAccount account) {
    String jwk = account.jwk();
    synchronized (recent) {
      JWSVerifier verifier = recent.get(jwk);
      if (verifier != null) {
        return verifier;
      }
    }
    JWSVerifier verifier;
    try {
      verifier = JwsMessage.verifier(JWK.parse(jwk));
    } catch (ParseException e) {
      throw new IllegalStateException(
          "The stored key of account " + account.id() + " is unreadable", e);
    }
    synchronized (recent) {
      recent.put(jwk, verifier);
    }
    return verifier;
  }
}
