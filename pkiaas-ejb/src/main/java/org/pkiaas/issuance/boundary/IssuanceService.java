package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.issuance.control.CertificateSigning;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.template.entity.CertificateTemplate;

/**
 * The one path every certificate takes, whichever channel gathered the request: what {@link
 * CertificateSigning} decides and signs (template policy and profile, a unique random serial, the
 * CA's signer, the CT round), then the stored certificate and the {@link CertificateIssued} event.
 * Only this class stores a certificate. {@link #issue} runs in the caller's transaction, so a
 * failure anywhere leaves nothing behind; the one call signs in no transaction and stores in a
 * group's ({@link #recordAll}). Channels run their transaction through {@link LoggedIssuance},
 * which bounds how many transactions wait on CT logs and has the others ask them between two rounds
 * of the transaction; when the logs fail it, only the record of that attempt, written in its own
 * transaction, remains.
 */
@Stateless
public class IssuanceService {

  /** Hibernate's JDBC batch size, which it also takes per session. */
  private static final String JDBC_BATCH_SIZE = "hibernate.jdbc.batch_size";

  @PersistenceContext EntityManager em;

  @Inject CertificateSigning signing;

  @Inject Event<CertificateIssued> issuedEvent;

  /**
   * Issues what the intake policy approves of {@code intake} under {@code template}: every channel
   * calls this, and none decides subject, names or extensions itself.
   */
  public IssuedCertificate issue(
      CertificateAuthority ca,
      CertificateTemplate template,
      Intake intake,
      String requestId,
      String issuedBy) {
    return record(signing.sign(ca, template, intake, requestId, issuedBy));
  }

  /**
   * The second half of {@link #issue}: stores what {@link CertificateSigning#sign} made, in the
   * caller's transaction.
   */
  public IssuedCertificate record(CertificateIssued signed) {
    em.persist(signed.certificate());
    issuedEvent.fire(signed);
    return signed.certificate();
  }

  /**
   * Stores many certificates {@link CertificateSigning#sign} made, each with the rows that go with
   * it ({@code alongside}, such as its request record), in one transaction of its own that has
   * committed when this returns: the certificates first, then the rows alongside, then the events
   * (and so their audit events), each kind of row as one JDBC batch ({@code
   * hibernate.jdbc.batch_size} for this transaction only): a group of certificates costs the
   * database one connection checkout (its validation and the two auto-commit switches), three
   * batched INSERTs and one commit ({@link org.pkiaas.persistence.CommitGroups}).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAll(List<CertificateIssued> signed, List<?> alongside) {
    em.setProperty(JDBC_BATCH_SIZE, Math.max(signed.size(), alongside.size()));
    signed.forEach(each -> em.persist(each.certificate()));
    alongside.forEach(em::persist);
    signed.forEach(issuedEvent::fire);
  }
}
