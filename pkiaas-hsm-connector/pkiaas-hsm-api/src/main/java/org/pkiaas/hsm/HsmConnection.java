package org.pkiaas.hsm;

import java.security.PublicKey;

/**
 * A borrowed connection to the IoT-HSM devices.
 *
 * <p>A CA key on a device is addressed by its public key (the link names it by the SHA-256 of its
 * {@code SubjectPublicKeyInfo}); the device computes the signature and the key never leaves it.
 * Close the connection to return it to the pool; a closed connection cannot be used again.
 */
public interface HsmConnection extends AutoCloseable {

  /**
   * Signs {@code data} with the CA key on its device. The adapter hashes {@code data} and sends
   * only the digest; it checks the device's signature against {@code caKey} before returning it.
   *
   * @param caKey the CA's public key, whose private half is on the device
   * @param algorithm the JCA signature algorithm name: {@code SHA256withECDSA}, {@code
   *     SHA384withECDSA}, {@code SHA512withECDSA}, {@code SHA256withRSA}, {@code SHA384withRSA} or
   *     {@code SHA512withRSA}
   * @param data the bytes to be signed (a {@code tbsCertificate}, a {@code tbsCertList}, ...)
   * @return the signature, encoded as the algorithm's JCA {@code Signature} encodes it, verified
   * @throws HsmUnavailableException if no device holding the key can be reached: at once when the
   *     link knows it is down, otherwise when the request timeout passes
   * @throws HsmException if the device refuses or fails to sign, or its signature does not verify
   */
  byte[] sign(PublicKey caKey, String algorithm, byte[] data) throws HsmException;

  /**
   * Tells whether a device holding the key is reachable right now, and when one was last heard.
   *
   * @param caKey the CA's public key
   * @return the state of the key's link
   */
  HsmLinkState linkState(PublicKey caKey);

  /**
   * The certificate of this server's link identity, which an agent pins when it is provisioned (it
   * goes into the HSM provisioning file after the CA template): from then on the agent obeys only
   * requests that key signed. Every node of a cluster has the same one.
   *
   * @return the DER certificate
   * @throws HsmUnavailableException if no link is configured or its identity could not be loaded
   */
  byte[] linkCertificate() throws HsmUnavailableException;

  /** Returns this connection to the pool; calling it again has no effect. */
  @Override
  void close();
}
