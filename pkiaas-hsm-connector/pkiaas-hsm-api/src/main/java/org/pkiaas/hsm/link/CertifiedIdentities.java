package org.pkiaas.hsm.link;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's memory of the agent identity certificates it has seen a CA key sign, so that an
 * agent's presence heartbeats (one every two seconds, each with the same certificate) do not cost a
 * check of the CA key's signature each. The remembered entry is the pair of the CA key's id and the
 * SHA-256 of the certificate's DER, so a certificate that differs in any byte, or one presented for
 * another CA key, is checked in full; the validity period, lifetime and profile are checked on
 * every use (they depend on the time). At most {@value #MAX_ENTRIES} pairs are kept; when full, the
 * memory is emptied and refilled by the next checks.
 */
final class CertifiedIdentities {

  static final int MAX_ENTRIES = 1024;

  private final Set<String> certified = ConcurrentHashMap.newKeySet();

  /**
   * Checks as {@link AgentIdentityCertificates#verify} does, skipping only the signature check of a
   * certificate this object has seen {@code caKey} sign.
   *
   * @param identity the certificate that signed a message
   * @param caKey the CA's public key
   * @param now the time to check validity at
   * @throws LinkRefusedException as {@link AgentIdentityCertificates#verify}
   */
  void verify(X509Certificate identity, PublicKey caKey, Instant now) throws LinkRefusedException {
    String pair = KeyId.of(caKey).hex() + ':' + LinkIdentity.fingerprint(identity);
    boolean known = certified.contains(pair);
    if (!known) {
      AgentIdentityCertificates.verifySignature(identity, caKey);
    }
    AgentIdentityCertificates.verifyProfile(identity, now);
    if (!known) {
      if (certified.size() >= MAX_ENTRIES) {
        certified.clear();
      }
      certified.add(pair);
    }
  }

  /**
   * @return how many pairs are remembered
   */
  int size() {
    return certified.size();
  }
}
