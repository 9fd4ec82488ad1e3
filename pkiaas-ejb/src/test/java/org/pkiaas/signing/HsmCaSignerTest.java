package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Reference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmLinkState;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.SignatureScheme;
import org.pkiaas.problem.ConflictException;

/**
 * The HSM signer with a device played by a key in memory behind a connection that keeps the
 * adapter's contract (it refuses a signature that does not verify, as {@code
 * HsmManagedConnectionTest} shows the adapter does): what Bouncy Castle builds through it is signed
 * by the device's key, and every failure of the device ends the build with {@link
 * SigningDeviceUnavailable}, including a signature the adapter refused.
 */
class HsmCaSignerTest {

  private static final X500Name CA = new X500Name("CN=HSM Test Root");

  private final KeyPair caKey = KeySpec.parse("EC", null, "P-256", null).generate();
  private final List<DeviceSignature> observed = new ArrayList<>();

  /** How the fake device behaves. */
  enum Mode {
    SIGNS,
    OFFLINE,
    TIMES_OUT,
    SIGNS_WITH_ANOTHER_KEY
  }

  @Test
  void certificatesAndCrlsAreSignedByTheDeviceKey() throws Exception {
    Device device = new Device(caKey.getPrivate(), Mode.SIGNS);
    CaSigner signer = new HsmCaSigner(device, caKey.getPublic(), "SHA256withECDSA", observed::add);
    signer.requireReachable();

    X509CertificateHolder certificate = certificate().build(signer.contentSigner());
    assertTrue(
        certificate.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(caKey.getPublic())));
    var crl = new X509v2CRLBuilder(CA, new Date()).build(signer.contentSigner("SHA384withECDSA"));
    assertTrue(
        crl.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(caKey.getPublic())));
    assertEquals(2, device.signatures.get());
    assertEquals(List.of("ok", "ok"), observed.stream().map(DeviceSignature::outcome).toList());
  }

  @Test
  void anOfflineDeviceFailsBeforeAnythingIsBuilt() {
    Device device = new Device(caKey.getPrivate(), Mode.OFFLINE);
    CaSigner signer = new HsmCaSigner(device, caKey.getPublic(), "SHA256withECDSA", observed::add);

    SigningDeviceUnavailable failure =
        assertThrows(SigningDeviceUnavailable.class, signer::requireReachable);
    assertTrue(failure.getMessage().contains("offline"), failure.getMessage());
    assertEquals(0, device.signatures.get());
  }

  @Test
  void aDeviceThatDoesNotAnswerInTimeEndsTheBuild() {
    CaSigner signer =
        new HsmCaSigner(
            new Device(caKey.getPrivate(), Mode.TIMES_OUT),
            caKey.getPublic(),
            "SHA256withECDSA",
            observed::add);

    assertThrows(SigningDeviceUnavailable.class, () -> certificate().build(signer.contentSigner()));
  }

  @Test
  void aSignatureTheAdapterRefusedEndsTheBuildWithNothingSigned() {
    PrivateKey other = KeySpec.parse("EC", null, "P-256", null).generate().getPrivate();
    CaSigner signer =
        new HsmCaSigner(
            new Device(other, Mode.SIGNS_WITH_ANOTHER_KEY),
            caKey.getPublic(),
            "SHA256withECDSA",
            observed::add);

    SigningDeviceUnavailable failure =
        assertThrows(
            SigningDeviceUnavailable.class, () -> certificate().build(signer.contentSigner()));
    assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
    assertEquals(List.of("error"), observed.stream().map(DeviceSignature::outcome).toList());
  }

  @Test
  void algorithmsTheLinkDoesNotCarryAreRefusedUpFront() {
    KeyPair rsa = KeySpec.parse("RSA", 2048, null, null).generate();
    Device device = new Device(rsa.getPrivate(), Mode.SIGNS);
    CaSigner signer = new HsmCaSigner(device, rsa.getPublic(), "SHA256withRSA", observed::add);

    assertThrows(ConflictException.class, () -> signer.contentSigner("SHA256withRSAandMGF1"));
    assertEquals(0, device.signatures.get());
  }

  private X509v3CertificateBuilder certificate() {
    Instant now = Instant.now();
    return new X509v3CertificateBuilder(
        CA,
        BigInteger.TEN,
        Date.from(now),
        Date.from(now.plusSeconds(3600)),
        new X500Name("CN=leaf"),
        SubjectPublicKeyInfo.getInstance(caKey.getPublic().getEncoded()));
  }

  /** A device with its key in memory, behaving as {@link Mode} says. */
  static final class Device implements HsmConnectionFactory {

    private static final long serialVersionUID = 1L;
    final transient PrivateKey key;
    final Mode mode;
    final AtomicInteger signatures = new AtomicInteger();

    Device(PrivateKey key, Mode mode) {
      this.key = key;
      this.mode = mode;
    }

    @Override
    public HsmConnection getConnection() {
      return new HsmConnection() {
        @Override
        public byte[] sign(PublicKey caKey, String algorithm, byte[] data) throws HsmException {
          switch (mode) {
            case OFFLINE -> throw new HsmUnavailableException("no agent holds the key");
            case TIMES_OUT -> throw new HsmUnavailableException("no answer within 5000 ms");
            default -> {
              try {
                Signature signature = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
                signature.initSign(key);
                signature.update(data);
                signatures.incrementAndGet();
                byte[] signed = signature.sign();
                // the connection's contract, kept by the adapter: only a signature that verifies
                if (!SignatureScheme.forJcaName(algorithm)
                    .orElseThrow()
                    .verifies(caKey, data, signed)) {
                  throw new HsmException("returned a signature that does not verify");
                }
                return signed;
              } catch (java.security.GeneralSecurityException e) {
                throw new HsmException("cannot sign", e);
              }
            }
          }
        }

        @Override
        public HsmLinkState linkState(PublicKey caKey) {
          return new HsmLinkState(mode != Mode.OFFLINE, Instant.now());
        }

        @Override
        public byte[] linkCertificate() {
          return new byte[0];
        }

        @Override
        public void close() {
          // nothing held
        }
      };
    }

    @Override
    public void setReference(Reference reference) {
      // not bound in JNDI
    }

    @Override
    public Reference getReference() {
      return null;
    }
  }
}
