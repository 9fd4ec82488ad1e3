package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.ClaimLinks;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.GoneException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Claiming an approved request with its link (user guide 2.5.3): the holder brings a key, as a CSR
 * made anywhere (in the browser, the private key stays there). What the certificate says was fixed
 * at approval; the CSR's own subject and names are overridden.
 */
@Stateless
public class Claims {

  @PersistenceContext EntityManager em;

  @Inject IssuanceService issuance;

  /** What the link gives; the request and its template and CA, for the claim page to show. */
  public record Offer(
      CertificateRequest request, CertificateTemplate template, CertificateAuthority ca) {}

  public Offer describe(String token) {
    CertificateRequest request = open(token);
    return new Offer(
        request,
        StoredTemplates.find(em, request.templateId()),
        em.find(CertificateAuthority.class, request.caId()));
  }

  @Audited(value = "request.claim", objectType = "CERTIFICATE")
  public IssuedCertificate claim(String token, String csrPem) {
    CertificateRequest request = open(token);
    Request fromCsr = CsrReader.read("csr", csrPem).request();
    // the CSR brings the key; what the certificate says was fixed at approval
    Evidence.PreApproved approved =
        new Evidence.PreApproved(
            SignOverrides.subjectName(request.approvedSubjectDn()),
            SubjectAltNames.parse("subjectAltNames", request.approvedSubjectAltNames()),
            request.validityDays());
    IssuedCertificate issued =
        issuance.issue(
            em.find(CertificateAuthority.class, request.caId()),
            StoredTemplates.find(em, request.templateId()),
            new Intake(Channel.CLAIM, fromCsr, approved),
            request.id(),
            "claim");
    request.claimed(issued.id(), Instant.now());
    return issued;
  }

  /** The CA that issued a claimed certificate. */
  public CertificateAuthority issuerOf(IssuedCertificate certificate) {
    return em.find(CertificateAuthority.class, certificate.caId());
  }

  private CertificateRequest open(String token) {
    CertificateRequest request =
        token == null || token.isBlank()
            ? null
            : em.createNamedQuery("CertificateRequest.byClaimToken", CertificateRequest.class)
                .setParameter("hash", ClaimLinks.hash(token.trim()))
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (request == null) {
      throw NotFoundException.because(
          "This claim link is not valid: check that it was copied whole");
    }
    if (request.status() == RequestStatus.ISSUED) {
      throw new ConflictException(
          "This claim link has been used: the certificate was issued on " + request.claimedAt());
    }
    if (request.status() != RequestStatus.APPROVED) {
      throw new ConflictException("This request is " + request.status() + " and cannot be claimed");
    }
    if (request.claimExpiredAt(Instant.now())) {
      throw new GoneException(
          "This claim link expired on " + request.claimExpiresAt() + "; ask for a new one");
    }
    return request;
  }
}
