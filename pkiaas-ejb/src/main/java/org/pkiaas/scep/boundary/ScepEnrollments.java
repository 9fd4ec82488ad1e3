package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.boundary.IssuanceService;
import org.pkiaas.issuance.boundary.Renewals;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestKind;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.ChallengePassword;
import org.pkiaas.scep.control.FailInfo;
import org.pkiaas.scep.control.Outcome;
import org.pkiaas.scep.control.PkiMessage;
import org.pkiaas.scep.control.ScepFailure;
import org.pkiaas.scep.entity.ScepChallenge;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SerialNumbers;
import org.pkiaas.x509.SubjectAltNames;

/**
 * A PKCSReq (RFC 8894 §3.3.1) as one transaction: a retransmission answered as before, or the CSR,
 * its link to the message's signer, the challenge password checked against what the template
 * accepts ({@link ChallengePasswords}), then the one intake policy and {@link IssuanceService}
 * through {@link Channel#SCEP}. The channel passes only what it verified (which secret matched) and
 * the CSR; subject, names and extensions are the policy's decision. Any refusal is a {@link
 * ScepFailure}, which rolls everything back.
 */
@Stateless
public class ScepEnrollments {

  @PersistenceContext EntityManager em;

  @Inject IssuanceService issuance;

  @Inject Renewals renewals;

  @Inject IntuneValidation intuneValidation;

  @Inject ScepQueries queries;

  @Inject ChallengePasswords passwords;

  /**
   * PKCSReq: SUCCESS with the issued certificate, or PENDING when the template's SCEP requests wait
   * for an administrator (the request is then in the approval queue, kind SCEP, and CertPoll
   * follows it).
   */
  public Outcome enroll(ScepTemplate scep, PkiMessage message, byte[] messageData) {
    Outcome resent = queries.resent(scep, message);
    if (resent != null) {
      return resent;
    }
    CsrReader.Verified parsed = request(messageData);
    PKCS10CertificationRequest csr = parsed.csr();
    Request request = parsed.request();
    // §2.3: a PKCSReq is signed with the key it asks a certificate for, or, renewing, with the
    // requester's current certificate (jscep renews this way)
    if (!Arrays.equals(
        Der.encoded(csr.getSubjectPublicKeyInfo()),
        Der.encoded(message.signer().getSubjectPublicKeyInfo()))) {
      return renew(scep, message, messageData);
    }
    String password = ChallengePassword.of(csr);
    // the static passphrase first: 160 random bits, it is never also a one-time challenge
    Evidence evidence = passwords.staticPassphrase(scep, password);
    if (evidence == null) {
      ScepChallenge bound = passwords.bound(scep, password);
      if (bound != null) {
        return preApproved(scep, message, request, bound);
      }
      evidence = passwords.evidence(scep, message, csr, password);
    }
    boolean intune =
        evidence instanceof Evidence.SharedSecret secret
            && ChallengePasswords.INTUNE.equals(secret.kind());
    CertificateRequest queued =
        new CertificateRequest(
            scep.ca().id(),
            scep.template().id(),
            RequestKind.SCEP,
            CsrReader.der(csr),
            request.subject().toString(),
            SubjectAltNames.written(request.subjectAltNames()),
            null,
            "scep");
    queued.scepTransaction(message.transactionId());
    if (scep.template().settings().scep().approval()) {
      em.persist(queued);
      return Outcome.PENDING;
    }
    IssuedCertificate issued;
    try {
      issued =
          issuance.issue(
              scep.ca(),
              scep.template(),
              new Intake(Channel.SCEP, request, evidence),
              queued.id(),
              "scep:" + message.transactionId());
    } catch (PkiaasException e) {
      if (intune) {
        intuneValidation.notIssued(
            scep, message.transactionId(), CsrReader.der(csr), e.getMessage());
      }
      throw new ScepFailure(FailInfo.BAD_REQUEST, e.getMessage());
    }
    // persisted with its final state: one INSERT at commit, no UPDATE
    queued.issued(issued.id());
    em.persist(queued);
    if (intune) {
      intuneValidation.issued(
          scep, message.transactionId(), CsrReader.der(csr), Der.certificate(issued.der()));
    }
    return Outcome.success(ScepQueries.certificate(issued));
  }

  /**
   * A RenewalReq (RFC 8894 §3.3.1.2): signed with a valid certificate this CA issued under this
   * template, which the template's renewal rules then renew ({@link Renewals#renewWith}); the CSR
   * may bring a new key.
   */
  public Outcome renew(ScepTemplate scep, PkiMessage message, byte[] messageData) {
    Request request = request(messageData).request();
    IssuedCertificate old = signedBy(scep, message);
    try {
      return Outcome.success(
          ScepQueries.certificate(
              renewals
                  .renewWith(scep.ca(), old, request, "scep-renewal:" + message.transactionId())
                  .certificate()));
    } catch (PkiaasException e) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, e.getMessage());
    }
  }

  /** The certificate a RenewalReq is signed with: this CA's, this template's, and valid. */
  private IssuedCertificate signedBy(ScepTemplate scep, PkiMessage message) {
    X509CertificateHolder signer = message.signer();
    IssuedCertificate old =
        em.createNamedQuery("IssuedCertificate.bySerial", IssuedCertificate.class)
            .setParameter("caId", scep.ca().id())
            .setParameter("serial", SerialNumbers.hex(signer.getSerialNumber()))
            .getResultStream()
            .filter(c -> Arrays.equals(c.der(), Der.encoded(signer)))
            .findFirst()
            .orElse(null);
    if (old == null
        || !scep.template().id().equals(old.templateId())
        || old.status() != CertificateStatus.VALID
        || !Instant.now().isBefore(old.notAfter())) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST,
          "A request signed with another key than the CSR's must be signed with a valid"
              + " certificate issued under this template");
    }
    return old;
  }

  /** A CSR and the profile's view of it, or FAILURE badRequest. */
  private static CsrReader.Verified request(byte[] messageData) {
    try {
      return CsrReader.read("csr", messageData);
    } catch (PkiaasException e) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * A PKCSReq with the challenge of an Apple configuration profile (user guide 6.4): it issues the
   * pre-approved request once, and only when the CSR asks for exactly its subject and names; the
   * content is the pre-approved one ({@link Evidence.PreApproved}).
   */
  private Outcome preApproved(
      ScepTemplate scep, PkiMessage message, Request request, ScepChallenge bound) {
    CertificateRequest approved =
        em.find(CertificateRequest.class, bound.requestId(), LockModeType.PESSIMISTIC_WRITE);
    if (approved == null || approved.status() != RequestStatus.APPROVED) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "The challenge password is not accepted");
    }
    X500Name subject = new X500Name(approved.approvedSubjectDn());
    List<SubjectAltNames.Name> names =
        SubjectAltNames.parse("subjectAltNames", approved.approvedSubjectAltNames());
    if (!subject.equals(request.subject())
        || !new HashSet<>(names).equals(new HashSet<>(request.subjectAltNames()))) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST,
          "This challenge is valid only for the pre-approved subject and names: "
              + approved.approvedSubjectDn()
              + " "
              + approved.approvedSubjectAltNames());
    }
    if (em.createNamedQuery("ScepChallenge.use").setParameter("id", bound.id()).executeUpdate()
        != 1) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "The challenge password is not accepted");
    }
    try {
      IssuedCertificate issued =
          issuance.issue(
              scep.ca(),
              scep.template(),
              new Intake(
                  Channel.SCEP,
                  request,
                  new Evidence.PreApproved(subject, names, approved.validityDays())),
              approved.id(),
              "scep:" + message.transactionId());
      approved.issued(issued.id());
      approved.scepTransaction(message.transactionId());
      return Outcome.success(ScepQueries.certificate(issued));
    } catch (PkiaasException e) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, e.getMessage());
    }
  }
}
