package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.revocation.boundary.RevocationService;
import org.pkiaas.signing.Fingerprints;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.Der;

/**
 * Renewal authorised by a valid certificate (user guide 4.3.1, General). The holder proves
 * possession of the certificate's key by signing the renewal CSR with that same key: the CSR's
 * public key must be the key of a certificate this CA issued that is still valid (not expired,
 * revoked or on hold). The new certificate certifies the same key; getting a new key is a new
 * request. The template decides whether renewal is allowed, how close to expiry, whether subject
 * and names are copied from the old certificate, and whether the old one is revoked (superseded).
 */
@Stateless
public class Renewals {

  @PersistenceContext EntityManager em;

  @Inject IssuanceService issuance;

  @Inject RevocationService revocations;

  /** The new certificate and the one it renews. */
  public record Renewal(
      IssuedCertificate certificate, IssuedCertificate renewed, CertificateAuthority ca)
      implements org.pkiaas.audit.entity.Identified {

    @Override
    public String id() {
      return certificate.id();
    }
  }

  @Audited(value = "certificate.renew", objectType = "CERTIFICATE", caIdArgument = 0)
  public Renewal renew(String caId, String csrPem) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    if (ca == null || ca.status() != CaStatus.ACTIVE) {
      throw new NotFoundException("Certificate authority", caId);
    }
    // its signature proves possession of the key
    CsrReader.Verified read = CsrReader.read("csr", csrPem);
    IssuedCertificate old = currentCertificateFor(ca, read.csr());
    return renewWith(ca, old, read.request(), "renewal:" + old.serialNumber());
  }

  /**
   * Renews {@code old}, whose holder proved possession of its key, under its template's renewal
   * rules: allowed at all, how close to expiry, copy or subset of the old content, auto-revoke. For
   * every channel that renews (the REST renewal, SCEP RenewalReq).
   */
  public Renewal renewWith(
      CertificateAuthority ca, IssuedCertificate old, Request fromCsr, String issuedBy) {
    CertificateTemplate template =
        old.templateId() == null ? null : StoredTemplates.find(em, old.templateId());
    if (template == null || !template.settings().general().renewalAllowed()) {
      throw new ForbiddenException(
          "The template of this certificate does not allow renewal with a valid certificate");
    }
    TemplateSettings settings = template.settings();
    Duration left = Duration.between(Instant.now(), old.notAfter());
    if (left.toDays() > settings.general().renewalWindowDays()) {
      throw new ConflictException(
          "Renewal opens "
              + settings.general().renewalWindowDays()
              + " days before expiry; this"
              + " certificate is valid until "
              + old.notAfter());
    }
    // the template decides whether the old content is copied or the CSR may ask for a subset of it
    Intake intake =
        new Intake(Channel.RENEWAL, fromCsr, new Evidence.ProvenKey(Der.certificate(old.der())));
    IssuedCertificate renewed = issuance.issue(ca, template, intake, old.requestId(), issuedBy);
    if (settings.general().renewalAutoRevoke()) {
      revocations.supersede(old.id());
    }
    return new Renewal(renewed, old, ca);
  }

  private IssuedCertificate currentCertificateFor(
      CertificateAuthority ca, PKCS10CertificationRequest csr) {
    String keyHash;
    try {
      keyHash = Fingerprints.sha256Hex(csr.getSubjectPublicKeyInfo().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant now = Instant.now();
    return em.createNamedQuery("IssuedCertificate.byPublicKey", IssuedCertificate.class)
        .setParameter("caId", ca.id())
        .setParameter("hash", keyHash)
        .getResultStream()
        .filter(c -> c.status() == CertificateStatus.VALID && now.isBefore(c.notAfter()))
        .findFirst()
        .orElseThrow(
            () ->
                new ForbiddenException(
                    "No valid certificate of this CA has the key that signed this CSR:"
                        + " sign the renewal CSR with the key of the certificate to renew"));
  }
}
