package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.signing.BouncyCastle;

class DerTest {

  private static byte[] selfSigned(String name) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=" + name);
    return Der.encoded(
        new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.ONE,
                new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L),
                subject,
                keys.getPublic())
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(keys.getPrivate())));
  }

  @Test
  void parsesAnIssuerOnceAndTellsCertificatesApartByTheirBytes() throws Exception {
    byte[] first = selfSigned("first CA");
    byte[] second = selfSigned("second CA");
    assertSame(Der.issuerCertificate(first), Der.issuerCertificate(first.clone()));
    assertEquals(Der.certificate(first), Der.issuerCertificate(first));
    assertNotEquals(Der.issuerCertificate(first), Der.issuerCertificate(second));
    assertEquals(new X500Name("CN=second CA"), Der.issuerCertificate(second).getSubject());
  }

  @Test
  void aChangedArrayIsNotMistakenForTheCertificateItOnceHeld() throws Exception {
    byte[] der = selfSigned("changing CA");
    byte[] original = der.clone();
    var parsed = Der.issuerCertificate(der);
    byte[] other = selfSigned("other CA");
    System.arraycopy(other, 0, der, 0, Math.min(other.length, der.length));
    // the kept key is a copy: the original bytes still find the certificate parsed first
    assertSame(parsed, Der.issuerCertificate(original));
  }
}
