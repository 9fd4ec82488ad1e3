package org.pkiaas.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
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
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.pkiaas.x509.CertificateTimes;

/**
 * The in-memory model of one issuance, which the issuance and ACME benchmarks set the server's CPU
 * per certificate against.
 */
final class IssuanceInMemory {

  private static final java.security.Provider BC = BenchApi.BC;

  /** The server's public URL in the benchmark (port offset 200): a CA's URLs begin with it. */
  private static final String PUBLIC_URL = "http://localhost:8280";

  private final KeyPair ca = BenchApi.p256();
  private final String csr = BenchApi.csr("host.example.test");
  private final SecureRandom random = new SecureRandom();
  private final JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
  private final String caId = UUID.randomUUID().toString();
  // what the server keeps of its CA: the certificate's subject, its key identifier for the AKI
  private final X500Name issuer = new X500Name("CN=Benchmark CA");
  private final AuthorityKeyIdentifier authority =
      extensions.createAuthorityKeyIdentifier(
          org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(ca.getPublic().getEncoded()));

  private IssuanceInMemory() throws Exception {}

  /**
   * What issuing one certificate cannot avoid, in memory with Bouncy Castle and a P-256 CA key:
   * read the CSR from its PEM text (as the API and the queue get it) and verify its signature;
   * build the certificate the server's Web Server template makes of it for an EC key (validity
   * times encoded as the server encodes them; basic constraints, the key usage an EC key may have,
   * EKU, the subject key identifier, SAN, and the AIA and CRL distribution point with a CA's URLs
   * as the server writes them; the CA's name and key identifier are made once, as the server keeps
   * them with its CA); sign it, and encode it as DER and as the PEM text the API answers with.
   */
  static InMemory.Work work() throws Exception {
    return new IssuanceInMemory()::issue;
  }

  /** One certificate's work, as {@link #work} describes it; the certificate as PEM. */
  static String certificatePem() throws Exception {
    return new IssuanceInMemory().issue();
  }

  private String issue() throws Exception {
    PKCS10CertificationRequest request = new PKCS10CertificationRequest(der(csr));
    if (!InMemory.csrVerifies(request)) {
      throw new IllegalStateException("CSR signature");
    }
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuer,
            new BigInteger(127, random),
            CertificateTimes.of(Instant.now()),
            CertificateTimes.of(Instant.now().plusSeconds(86_400)),
            request.getSubject(),
            request.getSubjectPublicKeyInfo());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature)); // no encipherment for an EC key (RFC 5480 §3)
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
    builder.addExtension(Extension.authorityKeyIdentifier, false, authority);
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "host.example.test")));
    builder.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers, uri(PUBLIC_URL + "/pki/ca/" + caId + ".crt")),
              new AccessDescription(
                  AccessDescription.id_ad_ocsp, uri(PUBLIC_URL + "/pki/ocsp/" + caId))
            }));
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(
                  new DistributionPointName(
                      new GeneralNames(uri(PUBLIC_URL + "/pki/crl/" + caId + ".crl"))),
                  null,
                  null)
            }));
    ContentSigner signer =
        new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(ca.getPrivate());
    return pem(builder.build(signer).getEncoded());
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }

  private static byte[] der(String pem) throws IOException {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      return reader.readPemObject().getContent();
    }
  }

  private static String pem(byte[] certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject("CERTIFICATE", certificate));
    }
    return text.toString();
  }
}
