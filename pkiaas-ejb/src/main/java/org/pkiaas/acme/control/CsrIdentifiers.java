package org.pkiaas.acme.control;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.certificate.control.SubjectAltNames;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.template.entity.SanType;

/**
 * The finalize check of RFC 8555 §7.4 (and RFC 8738 §3 for addresses): the CSR asks for exactly the
 * order's identifiers, no more and no fewer; a common name, if any, must be one of them.
 */
public final class CsrIdentifiers {

  private CsrIdentifiers() {}

  /**
   * @param ordered the order's identifiers as stored: {@code dns:name} or {@code ip:address},
   *     canonical
   */
  public static void requireMatch(CertificateProfile.Request request, Set<String> ordered) {
    Set<String> asked = new TreeSet<>();
    for (SubjectAltNames.Name name : request.subjectAltNames()) {
      if (name.type() == SanType.DNS) {
        asked.add("dns:" + name.value().toLowerCase(Locale.ROOT));
      } else if (name.type() == SanType.IP) {
        asked.add("ip:" + name.value());
      } else {
        throw new AcmeProblem(
            AcmeError.BAD_CSR,
            "The CSR asks for a " + name.type() + " name; orders have DNS names and IP addresses");
      }
    }
    for (RDN rdn : request.subject().getRDNs(BCStyle.CN)) {
      String commonName =
          IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT);
      String matching =
          ordered.contains("dns:" + commonName)
              ? "dns:" + commonName
              : ordered.contains("ip:" + commonName) ? "ip:" + commonName : null;
      if (matching == null) {
        throw new AcmeProblem(
            AcmeError.BAD_CSR,
            "The CSR's common name '" + commonName + "' is none of the order's identifiers");
      }
      asked.add(matching);
    }
    if (!asked.equals(new TreeSet<>(ordered))) {
      throw new AcmeProblem(
          AcmeError.BAD_CSR,
          "The CSR asks for " + asked + " but the order is for " + new TreeSet<>(ordered));
    }
  }
}
