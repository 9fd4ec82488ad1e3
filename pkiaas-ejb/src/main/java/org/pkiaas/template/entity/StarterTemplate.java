package org.pkiaas.template.entity;

import java.util.List;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Scep;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.SanType;

/**
 * The starting points a new template is created from (user guide 4.2), each with the extensions
 * that kind of certificate needs in practice: the CA/Browser Forum baseline for TLS, RFC 8550 for
 * S/MIME, RFC 3161 §2.3 for timestamping (critical EKU), RFC 6960 §4.2.2.2 for OCSP signing.
 */
public enum StarterTemplate {
  WEB_SERVER(
      "Web Server",
      usage(List.of("digitalSignature", "keyEncipherment"), "serverAuth"),
      398,
      List.of(SanType.DNS, SanType.IP)),
  CLIENT_AUTHENTICATION(
      "Client Authentication",
      usage(List.of("digitalSignature", "keyEncipherment"), "clientAuth"),
      365,
      List.of(SanType.DNS, SanType.EMAIL, SanType.UPN, SanType.URI)),
  WEB_SERVER_AND_CLIENT(
      "Web Server + Client",
      usage(List.of("digitalSignature", "keyEncipherment"), "serverAuth", "clientAuth"),
      398,
      List.of(SanType.DNS, SanType.IP)),
  SMIME(
      "S/MIME",
      usage(List.of("digitalSignature", "keyEncipherment"), "emailProtection"),
      365,
      List.of(SanType.EMAIL)),
  CODE_SIGNING("Code Signing", usage(List.of("digitalSignature"), "codeSigning"), 365, List.of()),
  DOCUMENT_SIGNING(
      "Document Signing",
      usage(List.of("digitalSignature", "nonRepudiation"), "documentSigning"),
      365,
      List.of(SanType.EMAIL)),
  TIMESTAMPING(
      "Timestamping",
      new Usage(List.of("digitalSignature"), List.of("timeStamping"), true, false),
      1825,
      List.of()),
  OCSP_SIGNING(
      "OCSP Signing",
      new Usage(List.of("digitalSignature"), List.of("OCSPSigning"), false, true),
      90,
      List.of()),
  CERTIFICATE_AUTHORITY(
      "Certificate Authority",
      new Usage(List.of("keyCertSign", "cRLSign", "digitalSignature"), List.of(), false, false),
      1825,
      List.of()),
  DOMAIN_CONTROLLER(
      "Domain Controller",
      usage(
          List.of("digitalSignature", "keyEncipherment"),
          "clientAuth",
          "serverAuth",
          "kdcAuth",
          "smartcardLogon"),
      365,
      List.of(SanType.DNS));

  private static final List<String> ALL_KEY_TYPES =
      List.of("RSA", "EC", "ED25519", "ML_DSA", "SLH_DSA");

  private final String displayName;
  private final Usage usage;
  private final int validityDays;
  private final List<SanType> sanTypes;

  StarterTemplate(String displayName, Usage usage, int validityDays, List<SanType> sanTypes) {
    this.displayName = displayName;
    this.usage = usage;
    this.validityDays = validityDays;
    this.sanTypes = sanTypes;
  }

  public String displayName() {
    return displayName;
  }

  /** A new template's settings: this starter's extensions, everything else at its default. */
  public TemplateSettings defaults(String name, String description) {
    boolean ca = this == CERTIFICATE_AUTHORITY;
    return new TemplateSettings(
        name,
        new General(true, false, false, false, 30, true, null, validityDays, description),
        new Subject(true, null, null, null, null, null),
        usage,
        new Constraints(ca, ca ? 0 : null),
        new Distribution(true, null, this != OCSP_SIGNING, true, false, false, null),
        new Requests(ALL_KEY_TYPES, 2048, sanTypes, false),
        new Scep(false, false, false, false, false, false, false, null, false, "BOTH", null),
        TemplateSettings.CertificateTransparency.NONE,
        TemplateSettings.Est.OFF);
  }

  private static Usage usage(List<String> keyUsage, String... extendedKeyUsage) {
    return new Usage(keyUsage, List.of(extendedKeyUsage), false, false);
  }
}
