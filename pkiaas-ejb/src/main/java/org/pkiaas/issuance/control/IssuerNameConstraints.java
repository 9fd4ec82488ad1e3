package org.pkiaas.issuance.control;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The issuing CA's own nameConstraints (RFC 5280 §4.2.1.10) applied at issuance: a relying party
 * would reject a certificate outside them, so the CA never signs one.
 */
final class IssuerNameConstraints {

  private IssuerNameConstraints() {}

  static void check(
      X509CertificateHolder issuer, X500Name subject, List<SubjectAltNames.Name> names) {
    Extension extension = issuer == null ? null : issuer.getExtension(Extension.nameConstraints);
    if (extension == null) {
      return;
    }
    NameConstraints constraints = NameConstraints.getInstance(extension.getParsedValue());
    PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
    GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
    if (permitted != null) {
      validator.intersectPermittedSubtree(permitted);
    }
    GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
    if (excluded != null) {
      for (GeneralSubtree subtree : excluded) {
        validator.addExcludedSubtree(subtree);
      }
    }
    try {
      if (subject.getRDNs().length > 0) {
        validator.checkPermittedDN(subject);
        validator.checkExcludedDN(subject);
      }
      // browsers read a common name that looks like a host name as one (CA/B Forum BR 7.1.2.10.8)
      for (String commonName : SubjectRules.commonNames(subject)) {
        if (commonName.matches("[A-Za-z0-9*.-]+\\.[A-Za-z0-9-]+")) {
          GeneralName asHost = new GeneralName(GeneralName.dNSName, commonName);
          validator.checkPermitted(asHost);
          validator.checkExcluded(asHost);
        }
      }
      for (GeneralName name : SubjectAltNames.encode(names).getNames()) {
        validator.checkPermitted(name);
        validator.checkExcluded(name);
      }
    } catch (NameConstraintValidatorException e) {
      throw new InvalidInputException(
          "subjectAltNames",
          "The issuing CA's name constraints do not allow this certificate: " + e.getMessage());
    }
  }
}
