package org.pkiaas.hsm.adapter;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pkiaas.hsm.link.LinkIdentity;

/** The server-side certificates a link test needs: a link identity and a CA template. */
final class LinkPki {

  private LinkPki() {}

  static LinkIdentity serverIdentity() throws Exception {
    KeyPair key = ecKey();
    return new LinkIdentity(
        key.getPrivate(),
        certificate(
            key,
            "CN=PKIaaS link test server",
            false,
            KeyUsage.digitalSignature | KeyUsage.keyAgreement));
  }

  static X509Certificate template(String subject) throws Exception {
    return certificate(ecKey(), subject, true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
  }

  static String pem(X509Certificate... certificates) throws Exception {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      out.append("-----BEGIN CERTIFICATE-----\n")
          .append(
              Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return out.toString();
  }

  private static KeyPair ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(KeyPair key, String subject, boolean ca, int usage)
      throws Exception {
    X500Principal name = new X500Principal(subject);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(Duration.ofDays(365))),
            name,
            key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }
}
