package org.pkiaas.ca.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.SignatureChecks;
import org.pkiaas.x509.Der;

/**
 * Checks the certificate an intermediate ("CSR only") CA imports: its key must be the CA's, it must
 * be a CA certificate (RFC 5280 §4.2.1.9, §4.2.1.3), and it must chain, signature by signature, to
 * a self-signed root whose constraints (validity, cA, pathLenConstraint) allow it. Missing issuers
 * come from {@code issuerSource} (AIA caIssuers, when the import asks for it).
 */
public final class CaCertificateImport {

  private static final int MAX_DEPTH = 10;

  /** The verified certificate and the issuers above it, nearest first, ending at the root. */
  public record VerifiedChain(
      X509CertificateHolder certificate, List<X509CertificateHolder> issuers) {

    public String issuersPem() {
      StringBuilder pem = new StringBuilder();
      issuers.forEach(c -> pem.append(Pem.certificate(Der.encoded(c))));
      return pem.toString();
    }

    public BigInteger serial() {
      return certificate.getSerialNumber();
    }
  }

  private final Function<X509CertificateHolder, List<X509CertificateHolder>> issuerSource;

  public CaCertificateImport(
      Function<X509CertificateHolder, List<X509CertificateHolder>> issuerSource) {
    this.issuerSource = issuerSource;
  }

  public VerifiedChain verify(
      byte[] caPublicKey, String certificatePem, String chainPem, Date now) {
    List<X509CertificateHolder> given = Pem.certificates("certificatePem", certificatePem);
    X509CertificateHolder certificate = given.get(0);
    if (!Arrays.equals(Der.encoded(certificate.getSubjectPublicKeyInfo()), caPublicKey)) {
      throw new InvalidInputException(
          "certificatePem", "The certificate's public key does not match this CA's key");
    }
    requireCa("certificatePem", certificate, "The certificate");
    requireValid("certificatePem", certificate, now, "The certificate");
    List<X509CertificateHolder> pool = new ArrayList<>(given.subList(1, given.size()));
    if (chainPem != null && !chainPem.isBlank()) {
      pool.addAll(Pem.certificates("chainPem", chainPem));
    }
    return new VerifiedChain(certificate, buildPath(certificate, pool, now));
  }

  private List<X509CertificateHolder> buildPath(
      X509CertificateHolder certificate, List<X509CertificateHolder> pool, Date now) {
    List<X509CertificateHolder> issuers = new ArrayList<>();
    X509CertificateHolder current = certificate;
    while (!selfSigned(current)) {
      if (issuers.size() >= MAX_DEPTH) {
        throw new InvalidInputException(
            "chainPem", "The chain is longer than " + MAX_DEPTH + " certificates");
      }
      X509CertificateHolder issuer = findIssuer(current, pool);
      if (issuer == null) {
        pool.addAll(issuerSource.apply(current));
        issuer = findIssuer(current, pool);
      }
      if (issuer == null) {
        throw new InvalidInputException(
            "chainPem",
            "The issuer '"
                + current.getIssuer()
                + "' could not be found (nor fetched from the certificate's AIA, when fetchIssuers asks for it);"
                + " supply chainPem with every intermediate and the root");
      }
      String who = "The issuer '" + issuer.getSubject() + "'";
      requireCa("chainPem", issuer, who);
      requireValid("chainPem", issuer, now, who);
      BasicConstraints constraints = BasicConstraints.fromExtensions(issuer.getExtensions());
      BigInteger pathLength = constraints.getPathLenConstraint();
      if (pathLength != null && pathLength.intValue() < issuers.size() + 1) {
        throw new InvalidInputException(
            "chainPem",
            who + " has path length " + pathLength + ", which does not allow this CA below it");
      }
      issuers.add(issuer);
      current = issuer;
    }
    return issuers;
  }

  private static X509CertificateHolder findIssuer(
      X509CertificateHolder child, List<X509CertificateHolder> pool) {
    for (X509CertificateHolder candidate : pool) {
      if (candidate.getSubject().equals(child.getIssuer()) && signedBy(child, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static boolean selfSigned(X509CertificateHolder certificate) {
    return certificate.getSubject().equals(certificate.getIssuer())
        && signedBy(certificate, certificate);
  }

  private static boolean signedBy(X509CertificateHolder child, X509CertificateHolder issuer) {
    try {
      return child.isSignatureValid(SignatureChecks.of(issuer.getSubjectPublicKeyInfo()));
    } catch (CertException | OperatorCreationException | RuntimeException e) {
      return false;
    }
  }

  private static void requireCa(String field, X509CertificateHolder certificate, String who) {
    BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
    if (constraints == null || !constraints.isCA()) {
      throw new InvalidInputException(
          field, who + " is not a CA certificate (basicConstraints cA is not set)");
    }
    KeyUsage usage = KeyUsage.fromExtensions(certificate.getExtensions());
    if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
      throw new InvalidInputException(
          field, who + " may not sign certificates (keyUsage lacks keyCertSign)");
    }
  }

  private static void requireValid(
      String field, X509CertificateHolder certificate, Date now, String who) {
    if (!certificate.isValidOn(now)) {
      throw new InvalidInputException(
          field,
          who
              + " is not valid now (valid "
              + certificate.getNotBefore()
              + " to "
              + certificate.getNotAfter()
              + ")");
    }
  }
}
