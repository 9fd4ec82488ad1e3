package org.pkiaas.hsm;

/**
 * A borrowed connection to the IoT-HSM devices.
 *
 * <p>A key on a device is addressed by its slot; the device computes the signature and the key
 * never leaves it. Close the connection to return it to the pool; a closed connection cannot be
 * used again.
 */
public interface HsmConnection extends AutoCloseable {

  /**
   * Signs {@code data} with the key in {@code slot}.
   *
   * @param slot the key's slot on its device, as configured for the CA
   * @param algorithm the JCA signature algorithm name, for example {@code SHA256withECDSA}, {@code
   *     Ed25519} or {@code ML-DSA-65}
   * @param data the bytes to be signed (not a digest: the device hashes as the algorithm says)
   * @return the signature, encoded as the algorithm's JCA {@code Signature} encodes it
   * @throws HsmUnavailableException if the device holding {@code slot} cannot be reached; thrown
   *     without waiting for a timeout when the link is known to be down
   * @throws HsmException if the device refuses or fails to sign
   */
  byte[] sign(String slot, String algorithm, byte[] data) throws HsmException;

  /**
   * Tells whether the device holding {@code slot} is reachable right now.
   *
   * @param slot the key's slot on its device
   * @return {@code true} if a signing request for {@code slot} can be delivered now
   */
  boolean isDeviceOnline(String slot);

  /** Returns this connection to the pool; calling it again has no effect. */
  @Override
  void close();
}
