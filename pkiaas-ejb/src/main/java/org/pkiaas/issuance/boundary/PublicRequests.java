package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CaSubject;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.SubjectRules;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Unsolicited requests through a template's public page (user guide 2.5.1), open only while the
 * template allows them: a CSR, or a form with subject attributes and names whose key is made at
 * claim. They wait for an administrator in the approval queue.
 */
@Stateless
public class PublicRequests {

  @PersistenceContext EntityManager em;

  /** What the public page shows about a template that takes requests. */
  public record Offer(CertificateTemplate template, CertificateAuthority ca) {}

  /**
   * A request from the public page: either {@code csr}, or {@code subject} and names. {@code email}
   * is required.
   */
  public record PublicRequest(
      String email, String csr, CaSubject subject, List<String> subjectAltNames) {}

  public Offer offer(String templateId) {
    CertificateTemplate template = open(templateId);
    return new Offer(template, em.find(CertificateAuthority.class, template.caId()));
  }

  @Audited(value = "request.public", objectType = "REQUEST")
  public CertificateRequest submit(String templateId, PublicRequest submitted) {
    CertificateTemplate template = open(templateId);
    String email = PreApprovals.email(submitted.email());
    if (email == null) {
      throw new InvalidInputException(
          "email", "An email address is needed to send you the certificate");
    }
    CertificateRequest request;
    if (submitted.csr() != null && !submitted.csr().isBlank()) {
      CsrReader.Verified read = CsrReader.read("csr", submitted.csr());
      var csr = read.csr();
      Request fromCsr = read.request();
      CertificateProfile.check(template.settings(), fromCsr);
      request =
          new CertificateRequest(
              template.caId(),
              template.id(),
              RequestKind.PUBLIC,
              CsrReader.der(csr),
              fromCsr.subject().toString(),
              SubjectAltNames.written(fromCsr.subjectAltNames()),
              email,
              "public:" + email);
    } else {
      if (submitted.subject() == null) {
        throw new InvalidInputException(
            "subject.commonName", "Give a CSR, or at least a common name");
      }
      X500Name subject = submitted.subject().toX500Name();
      SubjectRules.check("subject", subject);
      List<SubjectAltNames.Name> names =
          submitted.subjectAltNames() == null
              ? List.of()
              : SubjectAltNames.parse("subjectAltNames", submitted.subjectAltNames());
      CertificateProfile.checkNames(template.settings(), names);
      names.forEach(name -> SubjectRules.checkText("subjectAltNames", name.value()));
      request =
          new CertificateRequest(
              template.caId(),
              template.id(),
              RequestKind.PUBLIC,
              null,
              subject.toString(),
              SubjectAltNames.written(names),
              email,
              "public:" + email);
    }
    em.persist(request);
    return request;
  }

  private CertificateTemplate open(String templateId) {
    CertificateTemplate template = templateId == null ? null : StoredTemplates.find(em, templateId);
    if (template == null
        || !template.enabled()
        || !template.settings().general().allowPublicRequests()) {
      throw NotFoundException.because(
          "There is no public request page here: the template does not take requests");
    }
    em.find(CertificateAuthority.class, template.caId()).requireIssuing();
    return template;
  }
}
