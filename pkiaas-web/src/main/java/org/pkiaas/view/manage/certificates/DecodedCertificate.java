package org.pkiaas.view.manage.certificates;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** A certificate taken apart for reading: what the detail page shows of it. */
public record DecodedCertificate(
    String subject,
    String issuer,
    String serial,
    String signatureAlgorithm,
    String publicKey,
    List<String> subjectAltNames,
    List<Extension> extensions,
    String sha256,
    String sha1) {

  /**
   * One extension: its name where known, its OID, whether it is critical, and a readable value
   * where there is one.
   */
  public record Extension(String name, String oid, boolean critical, String value) {}

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("2.5.29.14", "Subject key identifier"),
          Map.entry("2.5.29.15", "Key usage"),
          Map.entry("2.5.29.17", "Subject alternative name"),
          Map.entry("2.5.29.19", "Basic constraints"),
          Map.entry("2.5.29.31", "CRL distribution points"),
          Map.entry("2.5.29.32", "Certificate policies"),
          Map.entry("2.5.29.35", "Authority key identifier"),
          Map.entry("2.5.29.37", "Extended key usage"),
          Map.entry("2.5.29.46", "Freshest CRL"),
          Map.entry("1.3.6.1.5.5.7.1.1", "Authority information access"),
          Map.entry("1.3.6.1.5.5.7.48.1.5", "OCSP no check"));
  private static final Map<String, String> PURPOSES =
      Map.of(
          "1.3.6.1.5.5.7.3.1",
          "serverAuth",
          "1.3.6.1.5.5.7.3.2",
          "clientAuth",
          "1.3.6.1.5.5.7.3.3",
          "codeSigning",
          "1.3.6.1.5.5.7.3.4",
          "emailProtection",
          "1.3.6.1.5.5.7.3.8",
          "timeStamping",
          "1.3.6.1.5.5.7.3.9",
          "OCSPSigning",
          "2.5.29.37.0",
          "anyExtendedKeyUsage");
  private static final String[] KEY_USAGES = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };
  private static final String[] SAN_TYPES = {
    "otherName", "EMAIL", "DNS", "x400", "DirName", "ediParty", "URI", "IP", "RID"
  };

  static DecodedCertificate of(byte[] der) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return new DecodedCertificate(
          distinguishedName(certificate.getSubjectX500Principal().getEncoded()),
          distinguishedName(certificate.getIssuerX500Principal().getEncoded()),
          certificate.getSerialNumber().toString(16),
          certificate.getSigAlgName(),
          keyDescription(certificate.getPublicKey()),
          names(certificate),
          extensions(certificate),
          fingerprint("SHA-256", der),
          fingerprint("SHA-1", der));
    } catch (CertificateException e) {
      throw new IllegalStateException("A stored certificate cannot be read", e);
    }
  }

  /**
   * In the certificate's own order (CN=…,O=…), as the API and the other pages write it, not RFC
   * 2253's reversed one.
   */
  static String distinguishedName(byte[] encoded) {
    return org.bouncycastle.asn1.x500.X500Name.getInstance(encoded).toString();
  }

  /** "RSA 3072", "EC P-256", else the algorithm's name (Ed25519, ML-DSA-65, …). */
  static String keyDescription(java.security.PublicKey key) {
    if (key instanceof java.security.interfaces.RSAKey rsa) {
      return "RSA " + rsa.getModulus().bitLength();
    }
    if (key instanceof java.security.interfaces.ECKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return "EC " + (bits == 256 || bits == 384 || bits == 521 ? "P-" + bits : bits + " bits");
    }
    if (key instanceof java.security.interfaces.EdECKey ed) {
      return ed.getParams().getName(); // Ed25519 or Ed448, where getAlgorithm() says only EdDSA
    }
    return key.getAlgorithm();
  }

  private static List<String> names(X509Certificate certificate)
      throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    List<String> written = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        int type = (Integer) name.get(0);
        written.add(
            SAN_TYPES[type] + ":" + (name.get(1) instanceof String text ? text : "(binary)"));
      }
    }
    return written;
  }

  private static List<Extension> extensions(X509Certificate certificate)
      throws CertificateParsingException {
    Set<String> critical =
        certificate.getCriticalExtensionOIDs() == null
            ? Set.of()
            : certificate.getCriticalExtensionOIDs();
    Set<String> all = new TreeSet<>(critical);
    if (certificate.getNonCriticalExtensionOIDs() != null) {
      all.addAll(certificate.getNonCriticalExtensionOIDs());
    }
    List<Extension> extensions = new ArrayList<>();
    for (String oid : all) {
      extensions.add(
          new Extension(
              NAMES.getOrDefault(oid, oid), oid, critical.contains(oid), value(certificate, oid)));
    }
    return extensions;
  }

  private static String value(X509Certificate certificate, String oid)
      throws CertificateParsingException {
    return switch (oid) {
      case "2.5.29.15" -> {
        List<String> usages = new ArrayList<>();
        boolean[] bits = certificate.getKeyUsage();
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.length; i++) {
          if (bits[i]) {
            usages.add(KEY_USAGES[i]);
          }
        }
        yield String.join(", ", usages);
      }
      case "2.5.29.37" ->
          String.join(
              ", ",
              certificate.getExtendedKeyUsage().stream()
                  .map(purpose -> PURPOSES.getOrDefault(purpose, purpose))
                  .toList());
      case "2.5.29.19" ->
          certificate.getBasicConstraints() < 0
              ? "not a CA"
              : "CA"
                  + (certificate.getBasicConstraints() == Integer.MAX_VALUE
                      ? ", no path length limit"
                      : ", path length " + certificate.getBasicConstraints());
      case "2.5.29.17" -> String.join(", ", names(certificate));
      case "2.5.29.14" ->
          hex(SubjectKeyIdentifier.getInstance(parsed(certificate, oid)).getKeyIdentifier());
      case "2.5.29.35" -> {
        byte[] keyId =
            AuthorityKeyIdentifier.getInstance(parsed(certificate, oid)).getKeyIdentifier();
        yield keyId == null ? "" : hex(keyId);
      }
      case "1.3.6.1.5.5.7.1.1" -> {
        List<String> access = new ArrayList<>();
        for (AccessDescription description :
            AuthorityInformationAccess.getInstance(parsed(certificate, oid))
                .getAccessDescriptions()) {
          String method =
              AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                  ? "OCSP"
                  : AccessDescription.id_ad_caIssuers.equals(description.getAccessMethod())
                      ? "CA issuers"
                      : description.getAccessMethod().getId();
          access.add(method + ": " + uri(description.getAccessLocation()));
        }
        yield String.join(", ", access);
      }
      case "2.5.29.31", "2.5.29.46" -> {
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point :
            CRLDistPoint.getInstance(parsed(certificate, oid)).getDistributionPoints()) {
          if (point.getDistributionPoint() != null
              && point.getDistributionPoint().getType() == DistributionPointName.FULL_NAME) {
            for (GeneralName name :
                GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
              urls.add(uri(name));
            }
          }
        }
        yield String.join(", ", urls);
      }
      case "2.5.29.32" -> {
        List<String> policies = new ArrayList<>();
        for (PolicyInformation policy :
            CertificatePolicies.getInstance(parsed(certificate, oid)).getPolicyInformation()) {
          policies.add(policy.getPolicyIdentifier().getId());
        }
        yield String.join(", ", policies);
      }
      default -> "";
    };
  }

  /** The extension's value, unwrapped from its OCTET STRING (RFC 5280 §4.1). */
  private static ASN1Primitive parsed(X509Certificate certificate, String oid) {
    try {
      return ASN1Primitive.fromByteArray(
          ASN1OctetString.getInstance(certificate.getExtensionValue(oid)).getOctets());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A stored certificate has an unreadable extension " + oid, e);
    }
  }

  private static String uri(GeneralName name) {
    return name.getTagNo() == GeneralName.uniformResourceIdentifier
        ? name.getName().toString()
        : name.toString();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
  }

  private static String fingerprint(String algorithm, byte[] der) {
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance(algorithm).digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
