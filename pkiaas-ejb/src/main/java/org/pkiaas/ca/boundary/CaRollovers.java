package org.pkiaas.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaSuccession;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.x509.Der;

/**
 * A CA's rollover to a new key, in two steps its owner takes (as with EJBCA's "renew CA with a new
 * key" and a later activation): {@link #prepare} makes the successor, a CA row of its own with the
 * same subject and settings and a new key (self-signed at once for a root; for an intermediate it
 * awaits the certificate the CA above signs from its CSR, imported as any intermediate's is); while
 * it is {@link CaStatus#NEXT}, SCEP's GetNextCACert hands it to clients (RFC 8894 §3.5.2, §4.7).
 * {@link #activate} then makes it the issuing CA: the predecessor's templates move to it and the
 * predecessor is retired, so its CRL and OCSP keep answering for what it issued until that expires.
 *
 * <p>A separate row, rather than a second key on one row, reuses what a CA already has per key (its
 * CRL numbering, OCSP responder, SCEP RA, retirement) and keeps every issued certificate tied to
 * the key that signed it. Every method is scoped to the caller's own CAs; another owner's CA is
 * "not found".
 */
@Stateless
public class CaRollovers {

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject KeyWrapper keyWrapper;

  @Inject CaSigners signers;

  @Inject Event<CaLifecycle> lifecycle;

  /**
   * Creates the successor of the caller's active CA {@code caId}; 409 when it already has one that
   * is not yet active (delete that one to start again) or cannot roll over.
   */
  @Audited(value = "ca.successor.create", objectType = "CA", objectIdArgument = 1)
  public CertificateAuthority prepare(Caller caller, String caId, NewSuccessor choices) {
    CertificateAuthority predecessor = locked(caller, caId);
    if (pending(predecessor).isPresent()) {
      throw new ConflictException(
          "This CA already has a successor: activate it, or delete it to prepare another");
    }
    CaSuccession succession =
        CaSuccession.of(predecessor, (choices == null ? NewSuccessor.SAME : choices).choices());
    KeyPair keyPair = succession.keySpec().generate();
    CertificateAuthority next =
        CertificateAuthority.successorOf(
            predecessor,
            succession.keySpec(),
            succession.signatureAlgorithm(),
            succession.profile().validityDays(),
            keyPair.getPublic().getEncoded());
    next.storeWrappedKey(keyWrapper.wrap(keyPair.getPrivate(), next.wrappingContext()));
    em.persist(next);
    lifecycle.fire(new CaLifecycle(next, CaLifecycle.Stage.CREATED));
    CaSigner signer = signers.forKey(next.signingKey());
    if (succession.root()) {
      CertificateAuthorities.takeCertificate(
          next, CaCertificateBuilder.selfSigned(succession.profile(), signer), null);
    } else {
      next.awaitCertificate(Der.encoded(CaCertificateBuilder.csr(succession.profile(), signer)));
    }
    return next;
  }

  /** The successor of the caller's CA {@code caId} that is not active yet; 404 without one. */
  public CertificateAuthority successor(Caller caller, String caId) {
    return pending(cas.get(caller, caId))
        .orElseThrow(() -> NotFoundException.because("This CA has no successor in preparation"));
  }

  /**
   * The successor with its certificate that the active CA {@code ca} hands to SCEP clients, if any.
   */
  public Optional<CertificateAuthority> next(CertificateAuthority ca) {
    return pending(ca).filter(next -> next.status() == CaStatus.NEXT);
  }

  /**
   * Makes the successor of the caller's CA {@code caId} the issuing CA: it takes over the
   * templates, gets its OCSP responder, and the predecessor is retired. 409 without a successor, or
   * while the successor awaits its certificate.
   */
  @Audited(value = "ca.successor.activate", objectType = "CA", objectIdArgument = 1)
  public CertificateAuthority activate(Caller caller, String caId) {
    CertificateAuthority predecessor = locked(caller, caId);
    CertificateAuthority next =
        pending(predecessor)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "This CA has no successor to activate: prepare one first"));
    next.takeOver();
    lifecycle.fire(new CaLifecycle(next, CaLifecycle.Stage.ACTIVATED));
    lifecycle.fire(new CaLifecycle(next, CaLifecycle.Stage.TOOK_OVER));
    cas.retire(caller, predecessor.id());
    return next;
  }

  /** Locks the row, so that two concurrent requests do not make two successors. */
  private CertificateAuthority locked(Caller caller, String caId) {
    CertificateAuthority ca = cas.get(caller, caId);
    em.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    return ca;
  }

  private Optional<CertificateAuthority> pending(CertificateAuthority predecessor) {
    List<CertificateAuthority> found =
        em.createNamedQuery("CertificateAuthority.pendingSuccessors", CertificateAuthority.class)
            .setParameter("predecessorId", predecessor.id())
            .setMaxResults(1)
            .getResultList();
    return found.stream().findFirst();
  }
}
