package org.pkiaas.ca.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.x509.CertificateTimes;
import org.pkiaas.x509.KeyIdentifiers;
import org.pkiaas.x509.KeyUsages;
import org.pkiaas.x509.SerialNumbers;

/**
 * Builds a CA's own artifacts: the self-signed root certificate (RFC 5280 §4.1, with the CA
 * extensions of §4.2.1.1–3, 9 and 12) and, for "CSR only" CAs, the PKCS#10 request (RFC 2986)
 * asking for the same extensions.
 */
public final class CaCertificateBuilder {

  /** Back-dating absorbs small clock differences between this server and relying parties. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private CaCertificateBuilder() {}

  /** The CA profile a root or intermediate asks for. */
  public record CaProfile(
      X500Name subject,
      int validityDays,
      Integer pathLength,
      List<String> keyUsage,
      List<String> extendedKeyUsage) {}

  public static X509CertificateHolder selfSigned(CaProfile profile, CaSigner signer) {
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    Instant notAfter = notBefore.plus(profile.validityDays(), ChronoUnit.DAYS);
    BigInteger serial = SerialNumbers.random();
    PublicKey key = signer.publicKey();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            profile.subject(),
            serial,
            CertificateTimes.of(notBefore),
            CertificateTimes.of(notAfter),
            profile.subject(),
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    try {
      for (Extension extension : caExtensionList(profile)) {
        builder.addExtension(extension);
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(key));
      builder.addExtension(Extension.authorityKeyIdentifier, false, KeyIdentifiers.authority(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build(signer.contentSigner());
  }

  public static PKCS10CertificationRequest csr(CaProfile profile, CaSigner signer) {
    var builder =
        new PKCS10CertificationRequestBuilder(
            profile.subject(), SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
    ExtensionsGenerator requested = new ExtensionsGenerator();
    try {
      for (Extension extension : caExtensionList(profile)) {
        requested.addExtension(extension);
      }
      requested.addExtension(
          Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(signer.publicKey()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, requested.generate());
    return builder.build(signer.contentSigner());
  }

  private static List<Extension> caExtensionList(CaProfile profile) throws IOException {
    BasicConstraints constraints =
        profile.pathLength() == null
            ? new BasicConstraints(true)
            : new BasicConstraints(profile.pathLength());
    List<Extension> list = new ArrayList<>();
    list.add(new Extension(Extension.basicConstraints, true, constraints.getEncoded()));
    list.add(
        new Extension(
            Extension.keyUsage, true, KeyUsages.keyUsage(profile.keyUsage()).getEncoded()));
    if (!profile.extendedKeyUsage().isEmpty()) {
      list.add(
          new Extension(
              Extension.extendedKeyUsage,
              false,
              KeyUsages.extendedKeyUsage(profile.extendedKeyUsage()).getEncoded()));
    }
    return list;
  }
}
