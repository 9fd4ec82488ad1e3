package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.identity.Caller;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.ClaimLinks;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.issuance.control.IntakePolicy;
import org.pkiaas.issuance.control.SubjectRules;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.SubjectAltNames;
import org.pkiaas.x509.ValidityDays;

/**
 * Pre-approved requests (user guide 2.5.3): the administrator fixes subject, names and validity up
 * front, then redeems at once with a CSR, or hands out (and optionally mails) a claim link.
 */
@Stateless
public class PreApprovals {

  @PersistenceContext EntityManager em;

  @Inject Templates templates;

  @Inject CertificateAuthorities cas;

  @Inject ClaimLinks claimLinks;

  @Inject IssuanceService issuance;

  /**
   * What is fixed up front; {@code csr} redeems at once, {@code email} mails the claim link.
   *
   * @param subject a distinguished name, e.g. {@code CN=alice,O=Example}
   */
  public record PreApproval(
      String subject,
      List<String> subjectAltNames,
      Integer validityDays,
      String email,
      String csr,
      Boolean appleDevice) {

    /** Whether the holder gets an Apple configuration profile instead of a claim link. */
    public boolean forAppleDevice() {
      return Boolean.TRUE.equals(appleDevice);
    }
  }

  /** The result: a claim link to hand out, or the certificate when redeemed at once. */
  public record Outcome(CertificateRequest request, ClaimLink link, IssuedCertificate certificate)
      implements Identified {

    @Override
    public String id() {
      return request.id();
    }
  }

  @Audited(value = "request.preapprove", objectType = "REQUEST")
  public Outcome create(Caller caller, String templateId, PreApproval approval) {
    CertificateTemplate template = templates.getEnabled(caller, templateId);
    X500Name subject = SignOverrides.subjectName(approval.subject());
    List<SubjectAltNames.Name> names =
        approval.subjectAltNames() == null
            ? List.of()
            : SubjectAltNames.parse("subjectAltNames", approval.subjectAltNames());
    if (subject == null && names.isEmpty()) {
      throw new InvalidInputException(
          "subject", "Give the subject, subject alternative names, or both");
    }
    CertificateProfile.checkNames(template.settings(), names);
    Integer days = approval.validityDays();
    if (days != null) {
      ValidityDays.check("validityDays", days);
    }
    if (subject != null) {
      SubjectRules.check("subject", subject);
    }
    String email = email(approval.email());
    // what the certificate will name: a TLS server template adds the common name's host
    List<SubjectAltNames.Name> approvedNames =
        IntakePolicy.approveWithoutKey(
                template.settings(),
                CertificateRequests.issuerCertificate(cas.get(caller, template.caId())),
                new Evidence.PreApproved(subject, names, days))
            .subjectAltNames();
    String dn = subject == null ? "" : subject.toString();
    CertificateRequest request =
        new CertificateRequest(
            template.caId(),
            template.id(),
            RequestKind.PRE_APPROVED,
            null,
            dn,
            SubjectAltNames.written(names),
            email,
            caller.username());
    request.approve(dn, SubjectAltNames.written(approvedNames), days);
    em.persist(request);
    if (approval.csr() != null && !approval.csr().isBlank()) {
      var fromCsr = CsrReader.read("csr", approval.csr()).request();
      IssuedCertificate issued =
          issuance.issue(
              cas.get(caller, template.caId()),
              template,
              new Intake(
                  Channel.PRE_APPROVED, fromCsr, new Evidence.PreApproved(subject, names, days)),
              request.id(),
              caller.username());
      request.issued(issued.id());
      return new Outcome(request, null, issued);
    }
    if (approval.forAppleDevice()) {
      // AppleProfiles hands out the profile link in this transaction
      return new Outcome(request, null, null);
    }
    return new Outcome(request, claimLinks.offer(request, template.name()), null);
  }

  static String email(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String trimmed = email.trim();
    if (trimmed.length() > 320 || !trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException("email", "'" + email + "' is not an email address");
    }
    return trimmed;
  }
}
