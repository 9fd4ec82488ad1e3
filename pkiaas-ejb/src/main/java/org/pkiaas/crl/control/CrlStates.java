package org.pkiaas.crl.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pkiaas.ca.boundary.CaLifecycle;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.crl.entity.CrlPart;
import org.pkiaas.crl.entity.CrlState;
import org.pkiaas.crl.entity.PublishedCrl;
import org.pkiaas.problem.NotFoundException;

/**
 * The shared CRL bookkeeping of every CA ({@link CrlState}, {@link PublishedCrl}). Leases and CRL
 * numbers are taken in transactions of their own, committed at once, so that a long CRL build never
 * holds the row that revocations update.
 */
@Stateless
public class CrlStates {

  @PersistenceContext EntityManager em;

  /** What a CRL request needs to decide: the CA's revision and its newest stored CRL. */
  public record Status(CertificateAuthority ca, long revision, PublishedCrl latest) {}

  /**
   * Follows a CA's life in the transaction of the change: state at creation, a new revision when
   * what its CRLs show changes, none once it is deleted (other nodes' watchers then drop what they
   * cached).
   */
  public void onLifecycle(@Observes CaLifecycle event) {
    String caId = event.ca().id();
    switch (event.stage()) {
      case CREATED -> create(caId);
      case CRL_SETTINGS_CHANGED, RETIRED -> changed(caId);
      case DELETED -> delete(caId);
      default -> {}
    }
  }

  /** Creates a new CA's state, in the creating transaction. */
  public void create(String caId) {
    em.persist(new CrlState(caId));
  }

  /** Marks the CA's CRLs stale, in the transaction that changed a certificate's status. */
  public void changed(String caId) {
    em.createNamedQuery("CrlState.bump").setParameter("caId", caId).executeUpdate();
  }

  /**
   * The status of an active or retired CA; an unknown or deleted CA, or one still awaiting its
   * certificate, is not found.
   */
  public Status status(String caId) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    CrlState state = ca == null ? null : em.find(CrlState.class, caId);
    if (ca == null || !ca.status().publishesStatus() || state == null) {
      throw new NotFoundException("Certificate authority", caId);
    }
    List<PublishedCrl> latest =
        em.createNamedQuery("PublishedCrl.latestComplete", PublishedCrl.class)
            .setParameter("caId", caId)
            .setMaxResults(1)
            .getResultList();
    return new Status(ca, state.revision(), latest.isEmpty() ? null : latest.get(0));
  }

  /** Every CA's revision, for the nodes' cache watchers. */
  public Map<String, Long> revisions() {
    Map<String, Long> revisions = new HashMap<>();
    for (Object[] row : em.createNamedQuery("CrlState.revisions", Object[].class).getResultList()) {
      revisions.put((String) row[0], (Long) row[1]);
    }
    return revisions;
  }

  /** Takes the CA's build lease unless another holder's lease is still running. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean acquireLease(String caId, String holder, Instant until) {
    return em.createNamedQuery("CrlState.acquire")
            .setParameter("caId", caId)
            .setParameter("holder", holder)
            .setParameter("until", until)
            .setParameter("now", Instant.now())
            .executeUpdate()
        == 1;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void releaseLease(String caId, String holder) {
    em.createNamedQuery("CrlState.release")
        .setParameter("caId", caId)
        .setParameter("holder", holder)
        .executeUpdate();
  }

  /**
   * The next CRL number of the CA (RFC 5280 §5.2.3: monotonically increasing), committed at once.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long nextNumber(String caId) {
    em.createNamedQuery("CrlState.nextNumber").setParameter("caId", caId).executeUpdate();
    return em.find(CrlState.class, caId).lastNumber();
  }

  /** The DER of a stored CRL. */
  public ChunkedBytes load(PublishedCrl crl) {
    return ChunkedBytes.of(
        em.createNamedQuery("CrlPart.data", byte[].class)
            .setParameter("crlId", crl.id())
            .getResultList());
  }

  /** Stores a newly built CRL and drops all but the one before it. */
  public void store(PublishedCrl crl, ChunkedBytes der) {
    em.persist(crl);
    int seq = 0;
    for (byte[] block : der.blocks()) {
      em.persist(new CrlPart(crl.id(), seq++, block));
    }
    List<PublishedCrl> all =
        em.createNamedQuery("PublishedCrl.byCa", PublishedCrl.class)
            .setParameter("caId", crl.caId())
            .getResultList();
    for (PublishedCrl old : all) {
      if (old.crlNumber() < crl.crlNumber() && all.indexOf(old) > 1) {
        em.createNamedQuery("CrlPart.deleteByCrl").setParameter("crlId", old.id()).executeUpdate();
        em.remove(old);
      }
    }
  }

  /** Removes everything of a CA being deleted. */
  public void delete(String caId) {
    for (PublishedCrl old :
        em.createNamedQuery("PublishedCrl.byCa", PublishedCrl.class)
            .setParameter("caId", caId)
            .getResultList()) {
      em.createNamedQuery("CrlPart.deleteByCrl").setParameter("crlId", old.id()).executeUpdate();
      em.remove(old);
    }
    em.createNamedQuery("CrlState.deleteByCa").setParameter("caId", caId).executeUpdate();
  }
}
