package org.pkiaas.issuance.boundary;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.pkiaas.issuance.control.CertificateProfile.Overrides;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.x509.SubjectAltNames;

/**
 * What the person signing or approving a request may change (user guide 2.6): the subject (a
 * distinguished name such as {@code C=DE,O=Example,CN=www.example.com}), the subject alternative
 * names ({@code DNS:…}, {@code IP:…}, …) and the validity in days. Absent fields keep the request's
 * or the template's value.
 */
public record SignOverrides(String subject, List<String> subjectAltNames, Integer validityDays) {

  public static final SignOverrides NONE = new SignOverrides(null, null, null);

  /** The administrator's decision, for the intake policy. */
  public Evidence.AdminDecision toDecision() {
    Overrides parsed = toProfile();
    return new Evidence.AdminDecision(
        parsed.subject(), parsed.subjectAltNames(), parsed.validityDays());
  }

  public Overrides toProfile() {
    return new Overrides(
        subjectName(subject),
        subjectAltNames == null ? null : SubjectAltNames.parse("subjectAltNames", subjectAltNames),
        validityDays);
  }

  static X500Name subjectName(String dn) {
    if (dn == null || dn.isBlank()) {
      return null;
    }
    try {
      return new X500Name(BCStyle.INSTANCE, dn.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "subject",
          "'" + dn + "' is not a distinguished name such as CN=www.example.com,O=Example");
    }
  }
}
