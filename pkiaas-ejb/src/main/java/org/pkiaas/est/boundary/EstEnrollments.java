package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.est.boundary.EstTemplates.EstTemplate;
import org.pkiaas.est.control.SimplePkiRequest;
import org.pkiaas.issuance.boundary.IssuanceService;
import org.pkiaas.issuance.boundary.Renewals;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.issuance.control.IntakePolicy;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SubjectAltNames;

/**
 * A simpleenroll (RFC 7030 §4.2.1) as one transaction: the CSR is queued as an EST request, then
 * handed with what the channel verified (the template's EST credentials) to the one intake policy
 * and {@link IssuanceService} through {@link Channel#EST}; subject, names and extensions are the
 * policy's decision. With approval on, the request waits for an administrator and the client's
 * retry of the same CSR (§4.2.3) finds it. Any refusal is an {@link EstFailure}, which rolls
 * everything back.
 */
@Stateless
public class EstEnrollments {

  @PersistenceContext EntityManager em;

  @Inject IssuanceService issuance;

  @Inject Renewals renewals;

  /** The issued certificate, or none while the request waits for an administrator. */
  public record Outcome(IssuedCertificate certificate) {

    public static final Outcome PENDING = new Outcome(null);

    public boolean pending() {
      return certificate == null;
    }
  }

  /**
   * Enrolls {@code csr} for {@code requester} (an EST username, or a client certificate), who
   * authenticated as {@code authentication} says ({@code est-basic}, {@code
   * est-client-certificate}).
   */
  public Outcome enroll(
      EstTemplate est, SimplePkiRequest csr, String requester, String authentication) {
    CertificateRequest earlier = earlier(est, csr);
    if (earlier != null) {
      return state(earlier);
    }
    CertificateRequest queued =
        new CertificateRequest(
            est.ca().id(),
            est.template().id(),
            RequestKind.EST,
            csr.der(),
            csr.request().subject().toString(),
            SubjectAltNames.written(csr.request().subjectAltNames()),
            null,
            "est:" + requester);
    queued.estCsr(csr.hash());
    em.persist(queued);
    if (est.template().settings().est().approval()) {
      return Outcome.PENDING;
    }
    IssuedCertificate issued;
    try {
      issued =
          issuance.issue(
              est.ca(),
              est.template(),
              new Intake(Channel.EST, csr.request(), new Evidence.SharedSecret(authentication)),
              queued.id(),
              "est:" + requester);
    } catch (InvalidInputException e) {
      throw new EstFailure(EstFailure.Status.BAD_REQUEST, e.getMessage());
    } catch (PkiaasException e) {
      throw new EstFailure(EstFailure.Status.FORBIDDEN, e.getMessage());
    }
    queued.issued(issued.id());
    return new Outcome(issued);
  }

  /**
   * simplereenroll (RFC 7030 §4.2.2): {@code old} is the certificate the client authenticated with
   * over TLS (§3.3.2; {@link EstClientCertificates#renewed}), so the client proved possession of
   * its key as {@link Renewals#renewWith} requires; the CSR, signed with the old key or a new one
   * (re-key), asks for exactly its subject and names (§4.2.2), or for names that the intake policy
   * completes to them (a CSR naming no host, renewing a TLS server certificate that names its
   * common name's host); the template's renewal rules then decide (allowed, window, automatic
   * revocation).
   */
  public IssuedCertificate reenroll(EstTemplate est, IssuedCertificate old, SimplePkiRequest csr) {
    X509CertificateHolder previous = Der.certificate(old.der());
    Set<String> renewed = Set.copyOf(old.subjectAltNames());
    // a CSR naming no host renews a TLS server certificate that names its common name's host
    List<SubjectAltNames.Name> requested = csr.request().subjectAltNames();
    List<SubjectAltNames.Name> issued =
        IntakePolicy.namesAsIssued(est.template().settings(), csr.request().subject(), requested);
    if (!previous.getSubject().equals(csr.request().subject())
        || !renewed.equals(Set.copyOf(SubjectAltNames.written(requested)))
            && !renewed.equals(Set.copyOf(SubjectAltNames.written(issued)))) {
      throw new EstFailure(
          EstFailure.Status.BAD_REQUEST,
          "A re-enrollment asks for the subject and subject alternative names of the certificate"
              + " it renews, unchanged (RFC 7030 §4.2.2)");
    }
    try {
      return renewals
          .renewWith(est.ca(), old, csr.request(), "est-reenroll:" + old.serialNumber())
          .certificate();
    } catch (InvalidInputException e) {
      throw new EstFailure(EstFailure.Status.BAD_REQUEST, e.getMessage());
    } catch (PkiaasException e) {
      throw new EstFailure(EstFailure.Status.FORBIDDEN, e.getMessage());
    }
  }

  /** The newest EST request of this CSR under the template, or null. */
  private CertificateRequest earlier(EstTemplate est, SimplePkiRequest csr) {
    return em.createNamedQuery("CertificateRequest.byEstCsr", CertificateRequest.class)
        .setParameter("hash", csr.hash())
        .getResultStream()
        .filter(r -> r.templateId().equals(est.template().id()))
        .filter(r -> Arrays.equals(r.csr(), csr.der()))
        .max(Comparator.comparing(CertificateRequest::createdAt))
        .orElse(null);
  }

  private Outcome state(CertificateRequest request) {
    return switch (request.status()) {
      case PENDING, APPROVED -> Outcome.PENDING;
      case ISSUED -> new Outcome(em.find(IssuedCertificate.class, request.certificateId()));
      case DECLINED ->
          throw new EstFailure(
              EstFailure.Status.FORBIDDEN,
              "The request was declined"
                  + (request.declineReason() == null ? "" : ": " + request.declineReason()));
    };
  }
}
