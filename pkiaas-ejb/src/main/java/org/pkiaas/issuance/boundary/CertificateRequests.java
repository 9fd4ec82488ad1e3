package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.identity.Caller;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.ClaimLinks;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.issuance.control.IntakePolicy;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.paging.Page;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SubjectAltNames;
import org.pkiaas.x509.ValidityDays;

/**
 * The approval queue: requests submitted under a template wait here until someone signs, approves
 * or declines them (user guide 2.5, 2.6). Signing goes through {@link IssuanceService}.
 */
@Stateless
public class CertificateRequests {

  private static final String KIND = "Certificate request";
  private static final int MAX_PAGE_SIZE = 500;

  @PersistenceContext EntityManager em;

  @Inject Templates templates;

  @Inject CertificateAuthorities cas;

  @Inject IssuanceService issuance;

  @Inject ClaimLinks claimLinks;

  @Inject Event<RequestSigned> signedEvent;

  /** An approved request and its freshly opened claim link (the token is shown this once). */
  public record Approval(CertificateRequest request, ClaimLink link)
      implements org.pkiaas.audit.entity.Identified {

    @Override
    public String id() {
      return request.id();
    }
  }

  /**
   * Queues an administrator's CSR; the template's rules are checked now, so a doomed request never
   * waits.
   */
  @Audited(value = "request.submit", objectType = "REQUEST")
  public CertificateRequest submitCsr(Caller caller, String templateId, String csrPem) {
    CertificateTemplate template = templates.getEnabled(caller, templateId);
    CsrReader.Verified read = CsrReader.read("csr", csrPem);
    CertificateProfile.check(template.settings(), read.request());
    CertificateRequest queued = csrRequest(caller, template, read.csr(), read.request());
    em.persist(queued);
    return queued;
  }

  /** The queue's record of {@code csr}, asked by {@code caller} under {@code template}. */
  static CertificateRequest csrRequest(
      Caller caller,
      CertificateTemplate template,
      PKCS10CertificationRequest csr,
      Request request) {
    return new CertificateRequest(
        template.caId(),
        template.id(),
        RequestKind.CSR,
        CsrReader.der(csr),
        request.subject().toString(),
        SubjectAltNames.written(request.subjectAltNames()),
        null,
        caller.username());
  }

  /** The sign call's issuance of {@code request}, with the signer's overrides. */
  private IssuedCertificate signCsr(
      Caller caller,
      CertificateAuthority ca,
      CertificateTemplate template,
      Request request,
      SignOverrides overrides,
      String requestId) {
    return issuance.issue(ca, template, adminCsr(request, overrides), requestId, caller.username());
  }

  /**
   * What a signer hands the intake policy for a CSR: the request with the signer's overrides (the
   * sign call's and the one call's, {@link OneCallIssuance}).
   */
  static Intake adminCsr(Request request, SignOverrides overrides) {
    return new Intake(
        Channel.ADMIN_CSR,
        request,
        (overrides == null ? SignOverrides.NONE : overrides).toDecision());
  }

  /** One page of the CA's requests that match the query, counted and ordered by the database. */
  public Page<CertificateRequest> list(
      Caller caller, String caId, RequestQuery query, int page, int size) {
    CertificateAuthority ca = cas.get(caller, caId);
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = query.where(ca.id(), parameters);
    return Page.read(
        em,
        CertificateRequest.class,
        "FROM CertificateRequest r",
        where,
        parameters,
        query.orderClause(),
        page,
        size,
        MAX_PAGE_SIZE,
        "requests");
  }

  public CertificateRequest get(Caller caller, String requestId) {
    CertificateRequest request =
        requestId == null ? null : em.find(CertificateRequest.class, requestId);
    if (request == null) {
      throw new NotFoundException(KIND, requestId);
    }
    try {
      cas.get(caller, request.caId());
    } catch (NotFoundException e) {
      throw new NotFoundException(KIND, requestId);
    }
    return request;
  }

  /**
   * Issues the certificate of a pending CSR request, with the signer's overrides. The requester is
   * mailed the certificate once this commits ({@code IssuedCertificateMail}).
   */
  @Audited(value = "request.sign", objectType = "REQUEST", objectIdArgument = 1)
  public IssuedCertificate sign(Caller caller, String requestId, SignOverrides overrides) {
    CertificateRequest queued = get(caller, requestId);
    if (queued.status() != RequestStatus.PENDING) {
      throw new ConflictException(
          "This request is " + queued.status() + "; only pending requests can be signed");
    }
    if (queued.csr() == null) {
      throw new ConflictException(
          "This request has no key yet: approve it, and the certificate is issued when it is claimed");
    }
    CertificateTemplate template = StoredTemplates.find(em, queued.templateId());
    CertificateAuthority ca = cas.get(caller, queued.caId());
    Request request = CsrReader.request("csr", CsrReader.fromDer(queued.csr()));
    IssuedCertificate issued = signCsr(caller, ca, template, request, overrides, queued.id());
    queued.issued(issued.id());
    if (queued.requesterEmail() != null) {
      signedEvent.fire(new RequestSigned(issued, queued.requesterEmail()));
    }
    return issued;
  }

  /**
   * Approves a request whose key comes later, at claim, fixing what the certificate will say, and
   * opens its claim link (mailed to the requester when there is an address).
   */
  @Audited(value = "request.approve", objectType = "REQUEST", objectIdArgument = 1)
  public Approval approve(Caller caller, String requestId, SignOverrides overrides) {
    CertificateRequest queued = get(caller, requestId);
    if (queued.csr() != null) {
      throw new ConflictException("This request carries a CSR: sign it instead of approving it");
    }
    SignOverrides changes = overrides == null ? SignOverrides.NONE : overrides;
    CertificateProfile.Overrides parsed = changes.toProfile();
    if (parsed.validityDays() != null) {
      ValidityDays.check("validityDays", parsed.validityDays());
    }
    CertificateTemplate template = StoredTemplates.find(em, queued.templateId());
    X500Name subject =
        parsed.subject() != null ? parsed.subject() : SignOverrides.subjectName(queued.subjectDn());
    List<SubjectAltNames.Name> names =
        parsed.subjectAltNames() != null
            ? parsed.subjectAltNames()
            : SubjectAltNames.parse("subjectAltNames", queued.subjectAltNames());
    List<SubjectAltNames.Name> approvedNames =
        IntakePolicy.approveWithoutKey(
                template.settings(),
                issuerCertificate(cas.get(caller, queued.caId())),
                new Evidence.PreApproved(subject, names, parsed.validityDays()))
            .subjectAltNames();
    queued.approve(
        subject == null ? "" : subject.toString(),
        SubjectAltNames.written(approvedNames),
        parsed.validityDays());
    return new Approval(queued, claimLinks.offer(queued, template.name()));
  }

  /**
   * The CA's certificate, for its name constraints; null while a CA awaits its signed certificate.
   */
  static X509CertificateHolder issuerCertificate(CertificateAuthority ca) {
    return ca.certificate() == null ? null : Der.issuerCertificate(ca.certificate());
  }

  /** Sends the claim mail again, with a fresh link: the old one stops working. */
  @Audited(value = "request.resend", objectType = "REQUEST", objectIdArgument = 1)
  public Approval resend(Caller caller, String requestId) {
    CertificateRequest queued = get(caller, requestId);
    if (queued.status() != RequestStatus.APPROVED) {
      throw new ConflictException(
          "Only approved, unclaimed requests have a claim mail to send again");
    }
    if (queued.requesterEmail() == null) {
      throw new ConflictException("This request has no email address to send to");
    }
    CertificateTemplate template = StoredTemplates.find(em, queued.templateId());
    return new Approval(queued, claimLinks.offer(queued, template.name()));
  }

  @Audited(value = "request.decline", objectType = "REQUEST", objectIdArgument = 1)
  public CertificateRequest decline(Caller caller, String requestId, String reason) {
    CertificateRequest queued = get(caller, requestId);
    if (reason != null && reason.length() > 1000) {
      throw new InvalidInputException("reason", "A reason has at most 1000 characters");
    }
    queued.decline(reason == null || reason.isBlank() ? null : reason.trim());
    return queued;
  }
}
