package org.pkiaas.tsa.control;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pkiaas.signing.BouncyCastle;

/** A throwaway P-256 CA and its time-stamping unit, for tests. */
public final class TestUnits {

  private TestUnits() {}

  /** The default policy of the units made here. */
  public static final org.bouncycastle.asn1.ASN1ObjectIdentifier POLICY =
      new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5");

  public static TsaUnit p256(String caId) throws Exception {
    return p256(caId, TsaPolicies.only(POLICY));
  }

  public static TsaUnit p256(String caId, TsaPolicies policies) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair caKey = generator.generateKeyPair();
    KeyPair unitKey = generator.generateKeyPair();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X500Name caName = new X500Name("CN=Test TSA CA");
    X509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.ONE,
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(10, ChronoUnit.DAYS)),
                caName,
                caKey.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    X509CertificateHolder caCertificate = ca.build(signer(caKey));
    X509v3CertificateBuilder unit =
        new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.TWO,
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(5, ChronoUnit.DAYS)),
                new X500Name("CN=Test TSA CA Time Stamping"),
                unitKey.getPublic())
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .addExtension(
                Extension.extendedKeyUsage,
                true,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    return new TsaUnit(
        caId,
        unit.build(signer(caKey)),
        List.of(caCertificate),
        now.plus(5, ChronoUnit.DAYS),
        unitKey.getPrivate(),
        "SHA256withECDSA",
        policies,
        0,
        new TokenGenerators());
  }

  private static org.bouncycastle.operator.ContentSigner signer(KeyPair key) throws Exception {
    return new JcaContentSignerBuilder("SHA256withECDSA")
        .setProvider(BouncyCastle.PROVIDER)
        .build(key.getPrivate());
  }
}
