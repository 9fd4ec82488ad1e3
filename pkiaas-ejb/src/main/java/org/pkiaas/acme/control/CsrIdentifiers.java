package org.pkiaas.acme.control;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The finalize check of RFC 8555 §7.4 (and RFC 8738 §3 for addresses): the CSR asks for exactly the
 * order's identifiers, no more and no fewer; a common name, if any, must be one of them.
 */
public final class CsrIdentifiers {

  private CsrIdentifiers() {}

  /**
   * @param ordered the order's identifiers, canonical
   */
  public static void requireMatch(CertificateProfile.Request request, Set<AcmeIdentifier> ordered) {
    Set<AcmeIdentifier> asked = new HashSet<>();
    for (SubjectAltNames.Name name : request.subjectAltNames()) {
      if (name.type() == SanType.DNS) {
        asked.add(AcmeIdentifier.dns(name.value().toLowerCase(Locale.ROOT)));
      } else if (name.type() == SanType.IP) {
        asked.add(AcmeIdentifier.ip(name.value()));
      } else {
        throw new AcmeProblem(
            AcmeError.BAD_CSR,
            "The CSR asks for a " + name.type() + " name; orders have DNS names and IP addresses");
      }
    }
    for (RDN rdn : request.subject().getRDNs(BCStyle.CN)) {
      String commonName =
          IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT);
      AcmeIdentifier matching =
          ordered.contains(AcmeIdentifier.dns(commonName))
              ? AcmeIdentifier.dns(commonName)
              : ordered.contains(AcmeIdentifier.ip(commonName))
                  ? AcmeIdentifier.ip(commonName)
                  : null;
      if (matching == null) {
        throw new AcmeProblem(
            AcmeError.BAD_CSR,
            "The CSR's common name '" + commonName + "' is none of the order's identifiers");
      }
      asked.add(matching);
    }
    if (!asked.equals(ordered)) {
      throw new AcmeProblem(
          AcmeError.BAD_CSR,
          "The CSR asks for "
              + AcmeIdentifier.describe(asked)
              + " but the order is for "
              + AcmeIdentifier.describe(ordered));
    }
  }
}
