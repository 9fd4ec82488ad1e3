package org.pkiaas.issuance.control;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.pkiaas.x509.SubjectAltNames;

/**
 * What the certificate will say, as the intake policy approved it: the subject, the subject
 * alternative names, the extensions copied from the request (already allow-listed) and the
 * validity. The profile adds the template's own extensions.
 */
public record ApprovedContent(
    X500Name subject,
    List<SubjectAltNames.Name> subjectAltNames,
    List<Extension> requestedExtensions,
    int validityDays) {

  public ApprovedContent {
    Objects.requireNonNull(subject);
    subjectAltNames = List.copyOf(subjectAltNames);
    requestedExtensions = List.copyOf(requestedExtensions);
  }
}
