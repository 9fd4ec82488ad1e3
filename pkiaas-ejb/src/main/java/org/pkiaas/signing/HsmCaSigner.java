package org.pkiaas.signing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.SignatureScheme;
import org.pkiaas.problem.ConflictException;

/**
 * A CA key on an IoT-HSM device: each signature is asked of the device through the resource adapter
 * (which sends only a digest) before Bouncy Castle puts it into a certificate, CRL or request. A
 * device that is offline, slow past the link's timeout, refusing, or answering with a signature
 * that does not verify makes the build fail with {@link SigningDeviceUnavailable}; nothing signed
 * is returned.
 *
 * <p>The device's signature is checked once, by the adapter ({@link HsmConnection#sign} returns
 * only a signature that verifies with the CA's public key over the very data given, and throws
 * {@link HsmException} otherwise), not again here: the adapter is where the device's answer enters
 * the server and it has the data and the key at hand, so every caller of the connection gets the
 * guarantee; a second P-256 check here cost as much CPU as the rest of the link's work for a
 * signature.
 */
final class HsmCaSigner implements CaSigner {

  private static final Logger LOG = Logger.getLogger(HsmCaSigner.class.getName());

  private final HsmConnectionFactory connections;
  private final PublicKey publicKey;
  private final String defaultAlgorithm;
  private final KeyId keyId;
  private final Consumer<DeviceSignature> observer;

  HsmCaSigner(
      HsmConnectionFactory connections,
      PublicKey publicKey,
      String defaultAlgorithm,
      Consumer<DeviceSignature> observer) {
    this.connections = Objects.requireNonNull(connections);
    this.observer = Objects.requireNonNull(observer);
    this.publicKey = Objects.requireNonNull(publicKey);
    this.defaultAlgorithm = Objects.requireNonNull(defaultAlgorithm);
    this.keyId = KeyId.of(publicKey);
  }

  @Override
  public ContentSigner contentSigner(String signatureAlgorithm) {
    if (SignatureScheme.forJcaName(signatureAlgorithm).isEmpty()) {
      throw new ConflictException(
          "This CA's key is on an IoT-HSM device, which signs with SHA-256/384/512 and RSA"
              + " (PKCS#1 v1.5) or ECDSA only, not "
              + signatureAlgorithm);
    }
    AlgorithmIdentifier identifier =
        new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithm);
    return new DeviceContentSigner(identifier, signatureAlgorithm);
  }

  @Override
  public void requireReachable() {
    try (HsmConnection connection = connections.getConnection()) {
      if (!connection.linkState(publicKey).online()) {
        throw new SigningDeviceUnavailable(
            "The IoT-HSM device holding this CA's key (key id "
                + keyId
                + ") is offline; nothing was signed. Try again once it is connected",
            true);
      }
    } catch (HsmException e) {
      throw unavailable(e);
    }
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String defaultAlgorithm() {
    return defaultAlgorithm;
  }

  @Override
  public String toString() {
    return "HsmCaSigner[" + keyId + ", " + defaultAlgorithm + "]";
  }

  private byte[] sign(String algorithm, byte[] data) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      byte[] signature = signChecked(algorithm, data);
      outcome = "ok";
      return signature;
    } catch (SigningDeviceUnavailable e) {
      outcome = e.offline() ? "offline" : "error";
      throw e;
    } finally {
      observer.accept(new DeviceSignature(outcome, Duration.ofNanos(System.nanoTime() - started)));
    }
  }

  /** The adapter has checked the signature against {@link #publicKey} (see the class comment). */
  private byte[] signChecked(String algorithm, byte[] data) {
    try (HsmConnection connection = connections.getConnection()) {
      return connection.sign(publicKey, algorithm, data);
    } catch (HsmException e) {
      throw unavailable(e);
    }
  }

  private SigningDeviceUnavailable unavailable(HsmException e) {
    LOG.log(Level.WARNING, "IoT-HSM signing for key id " + keyId + " failed", e);
    boolean offline = e instanceof HsmUnavailableException;
    return new SigningDeviceUnavailable(
        offline
            ? "The IoT-HSM device holding this CA's key (key id "
                + keyId
                + ") is offline or did not answer in time; nothing was signed. Try again once it"
                + " is connected"
            : "The IoT-HSM device holding this CA's key (key id "
                + keyId
                + ") did not sign: "
                + e.getMessage(),
        offline);
  }

  /** Collects what Bouncy Castle writes, and has the device sign it when asked. */
  private final class DeviceContentSigner implements ContentSigner {

    private final AlgorithmIdentifier identifier;
    private final String algorithm;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    DeviceContentSigner(AlgorithmIdentifier identifier, String algorithm) {
      this.identifier = identifier;
      this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return identifier;
    }

    @Override
    public OutputStream getOutputStream() {
      return content;
    }

    @Override
    public byte[] getSignature() {
      return sign(algorithm, content.toByteArray());
    }
  }
}
