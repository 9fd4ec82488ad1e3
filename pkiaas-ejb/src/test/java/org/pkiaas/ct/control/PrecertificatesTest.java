package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The TBS built without a signature is the one a signer signs: how the second run of a CT issuance
 * knows it rebuilt the precertificate the logs saw.
 */
class PrecertificatesTest {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private static X509v3CertificateBuilder builder(KeyPair key, long serial) {
    Date now = new Date(1_800_000_000_000L);
    return new JcaX509v3CertificateBuilder(
        new X500Name("CN=Issuer"),
        BigInteger.valueOf(serial),
        now,
        new Date(now.getTime() + 86_400_000L),
        new X500Name("CN=host.example.test"),
        key.getPublic());
  }

  @Test
  void theUnsignedTbsIsTheSignedOnesAndDiffersWhenTheContentDoes() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = generator.generateKeyPair();
    X509v3CertificateBuilder builder = builder(key, 42);
    builder.addExtension(Precertificates.poison());
    X509CertificateHolder signed =
        builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key.getPrivate()));

    byte[] unsigned = Precertificates.unsignedTbs(builder, signed.getSignatureAlgorithm());

    assertArrayEquals(signed.toASN1Structure().getTBSCertificate().getEncoded("DER"), unsigned);
    X509v3CertificateBuilder other = builder(key, 43);
    other.addExtension(Precertificates.poison());
    assertFalse(
        Arrays.equals(
            unsigned, Precertificates.unsignedTbs(other, signed.getSignatureAlgorithm())));
  }
}
