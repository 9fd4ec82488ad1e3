package org.pkiaas.view.manage.certificates;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.pkiaas.api.certificate.Pkcs7;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.revocation.boundary.RevocationService;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One issued certificate ({@code /manage/certificates/detail.xhtml}): decoded, downloadable in
 * every usual format, revocable, releasable from hold.
 */
@Named
@ViewScoped
public class CertificateDetailBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Certificates certificates;

  @Inject RevocationService revocation;

  @Inject ConsoleUser user;

  @Inject EmbeddedTimestamps timestamps;

  private String id;
  private boolean missing;
  private transient IssuedCertificate certificate;
  private DecodedCertificate decoded;
  private List<EmbeddedTimestamps.Embedded> scts = List.of();
  private RevocationReason reason = RevocationReason.UNSPECIFIED;

  /** The view action. */
  public void load() {
    try {
      certificate = certificates.get(user.caller(), id);
      decoded = DecodedCertificate.of(certificate.der());
      scts = List.copyOf(timestamps.of(certificate));
      user.scopeTo(certificate.caId());
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  public IssuedCertificate getCertificate() {
    if (certificate == null && !missing) {
      certificate = certificates.get(user.caller(), id);
    }
    return certificate;
  }

  public String getStatus() {
    IssuedCertificate c = getCertificate();
    if (c.status() != CertificateStatus.REVOKED && c.notAfter().isBefore(Instant.now())) {
      return "EXPIRED";
    }
    return c.status().name();
  }

  /** When it was revoked, to the second: the stored time has nanoseconds nobody reads. */
  public Instant getRevokedAt() {
    Instant at = getCertificate().revokedAt();
    return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  public void revoke() {
    try {
      certificate = revocation.revoke(user.caller(), id, reason.rfcName(), null);
      Feedback.info(
          reason == RevocationReason.CERTIFICATE_HOLD
              ? "The certificate is on hold"
              : "The certificate is revoked");
    } catch (PkiaasException e) {
      Feedback.refused("revoke", e);
    }
  }

  public void release() {
    try {
      certificate = revocation.releaseHold(user.caller(), id);
      Feedback.info("The certificate is valid again");
    } catch (PkiaasException e) {
      Feedback.refused("revoke", e);
    }
  }

  public StreamedContent download(String format) {
    IssuedCertificate c = getCertificate();
    String base = c.serialNumber();
    return switch (format) {
      case "der" -> file(base + ".cer", "application/pkix-cert", c.der());
      case "chain" ->
          file(
              base + ".chain.pem",
              "application/x-pem-file",
              certificates.chainPem(user.caller(), id).getBytes(StandardCharsets.US_ASCII));
      case "p7b" ->
          file(
              base + ".p7b",
              "application/pkcs7-mime",
              Pkcs7.certsOnly(certificates.chainPem(user.caller(), id)));
      default ->
          file(
              base + ".pem",
              "application/x-pem-file",
              Pem.certificate(c.der()).getBytes(StandardCharsets.US_ASCII));
    };
  }

  private static StreamedContent file(String name, String type, byte[] content) {
    return DefaultStreamedContent.builder()
        .name(name)
        .contentType(type)
        .contentLength((long) content.length)
        .stream(() -> new ByteArrayInputStream(content))
        .build();
  }

  public boolean isMissing() {
    return missing;
  }

  /** The embedded SCTs (RFC 6962 §3.3), each checked with its log's key. */
  public List<EmbeddedTimestamps.Embedded> getScts() {
    return scts;
  }

  public DecodedCertificate getDecoded() {
    return decoded;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public RevocationReason getReason() {
    return reason;
  }

  public void setReason(RevocationReason reason) {
    this.reason = reason;
  }
}
