package org.pkiaas.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.x509.CertificateTimes;

/**
 * The in-memory model of one issuance, which the issuance and ACME benchmarks set the server's CPU
 * per certificate against.
 */
final class IssuanceInMemory {

  private static final java.security.Provider BC = BenchApi.BC;

  private IssuanceInMemory() {}

  /**
   * What issuing one certificate cannot avoid, in memory with Bouncy Castle and a P-256 CA key:
   * parse the CSR and verify its signature, build a Web Server certificate (validity times encoded
   * as the server encodes them, key usages, EKU, SAN, key identifiers), sign and encode it.
   */
  static InMemory.Work work() throws Exception {
    KeyPair ca = BenchApi.p256();
    byte[] csr = PemText.der(BenchApi.csr("host.example.test"), "CERTIFICATE REQUEST");
    SecureRandom random = new SecureRandom();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    return () -> {
      PKCS10CertificationRequest request = new PKCS10CertificationRequest(csr);
      if (!InMemory.csrVerifies(request)) {
        throw new IllegalStateException("CSR signature");
      }
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              new X500Name("CN=Benchmark CA"),
              new BigInteger(127, random),
              CertificateTimes.of(Instant.now()),
              CertificateTimes.of(Instant.now().plusSeconds(86_400)),
              request.getSubject(),
              request.getSubjectPublicKeyInfo());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "host.example.test")));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(
              org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                  ca.getPublic().getEncoded())));
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(ca.getPrivate());
      builder.build(signer).getEncoded();
    };
  }
}
