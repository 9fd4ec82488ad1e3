package org.pkiaas.issuance.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * Which extensions of a CSR's extensionRequest (RFC 2985 §5.4.2) may reach a certificate: an
 * allow-list, and only when the template allows CSR extensions at all. Everything else (the CT
 * poison, acmeIdentifier, issuerAltName, private or unknown critical extensions) is dropped; the
 * template decides the rest of the certificate.
 */
public final class RequestedExtensions {

  /** RFC 7633 TLS feature (OCSP must-staple). */
  public static final ASN1ObjectIdentifier TLS_FEATURE =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");

  /** Copied when requested; each is written non-critical. */
  static final Set<ASN1ObjectIdentifier> ALLOWED =
      Set.of(TLS_FEATURE, PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities);

  private RequestedExtensions() {}

  static List<Extension> allowed(String field, TemplateSettings template, Extensions requested) {
    List<Extension> copied = new ArrayList<>();
    if (!template.requests().allowCsrExtensions() || requested == null) {
      return copied;
    }
    for (ASN1ObjectIdentifier oid : requested.getExtensionOIDs()) {
      if (ALLOWED.contains(oid)) {
        Extension extension = requested.getExtension(oid);
        checkValue(field, extension);
        copied.add(new Extension(oid, false, extension.getExtnValue()));
      }
    }
    return copied;
  }

  /** Both allowed extensions are a SEQUENCE; a TLS feature's elements are INTEGERs. */
  private static void checkValue(String field, Extension extension) {
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(extension.getParsedValue());
      if (TLS_FEATURE.equals(extension.getExtnId())) {
        for (var element : sequence) {
          ASN1Integer.getInstance(element);
        }
      }
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          field, "The requested extension " + extension.getExtnId().getId() + " cannot be read");
    }
  }
}
