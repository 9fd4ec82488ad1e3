package org.pkiaas.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.audit.entity.AuditedAs;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.audit.entity.Outcome;
import org.pkiaas.identity.Caller;
import org.pkiaas.paging.Page;

/**
 * The audit log: written by {@link AuditInterceptor}, by the issuance path for every certificate,
 * by protocol boundaries that act for no account, and by the sign-in path; read by account holders
 * and administrators. Each event names its tenant, the owner of the CA it concerns (else the acting
 * account), so a tenant sees what anonymous requesters and protocol clients did on its CAs. Events
 * are written unsealed, in the action's transaction; {@code AuditSealer} chains them afterwards, so
 * writing an event never waits for another.
 */
@Stateless
public class AuditLog {

  private static final String ANONYMOUS = "anonymous";
  private static final String CA = "CA";
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String ACCOUNT = "ACCOUNT";

  /** See {@link #auditedTypes()}; shared by the pooled instances, computed alike by each. */
  private static volatile Map<String, Class<?>> auditedTypes;

  @PersistenceContext EntityManager em;

  /** Written in the action's own transaction: it commits or rolls back with the action. */
  public void success(Caller caller, String action, String objectType, String objectId) {
    success(caller, action, objectType, objectId, null);
  }

  /** As {@link #success(Caller, String, String, String)}, for an action on the CA {@code caId}. */
  public void success(
      Caller caller, String action, String objectType, String objectId, String caId) {
    em.persist(event(caller, action, objectType, objectId, caId, Outcome.SUCCESS, null));
  }

  /** Written in a new transaction: the failed action's rollback must not erase it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failure(
      Caller caller, String action, String objectType, String objectId, String detail) {
    failure(caller, action, objectType, objectId, null, detail);
  }

  /**
   * As {@link #failure(Caller, String, String, String, String)}, for an action on the CA {@code
   * caId}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failure(
      Caller caller,
      String action,
      String objectType,
      String objectId,
      String caId,
      String detail) {
    em.persist(event(caller, action, objectType, objectId, caId, Outcome.FAILURE, detail));
  }

  /**
   * A certificate was issued, whatever the channel: written in the issuing transaction, for the
   * CA's owner. {@code summary} describes it (serial, purpose, subject); {@code issuedBy} names the
   * channel and requester (such as {@code acme:<account>}); {@code caOwnerId} is the issuing CA's
   * owner, whom the event concerns (the issuer has the CA in hand, so the log does not read it).
   */
  public void certificateIssued(
      Identified certificate, String summary, String issuedBy, String caOwnerId) {
    em.persist(
        new AuditEvent(
            null,
            issuedBy == null ? ANONYMOUS : issuedBy,
            "certificate.issue",
            CERTIFICATE,
            certificate.id(),
            Outcome.SUCCESS,
            summary,
            caOwnerId,
            certificate.caId()));
  }

  /**
   * A successful action by a protocol client that has no account here (such as an ACME account),
   * written in the action's transaction for the owner of the CA {@code caId}.
   */
  public void protocolAction(
      String actor, String action, String objectType, String objectId, String caId, String detail) {
    em.persist(
        new AuditEvent(
            null,
            actor,
            action,
            objectType,
            objectId,
            Outcome.SUCCESS,
            detail,
            tenantOf(caId, null),
            caId));
  }

  /**
   * One page of the events the caller may read, newest first, counted by the database:
   * administrators read every event, everyone else the events they did or that concern their CAs.
   */
  public Page<AuditEvent> page(Caller caller, int page, int size) {
    Map<String, Object> parameters = new HashMap<>();
    String where = "";
    if (!caller.isAdmin()) {
      where = " WHERE e.actorId = :accountId OR e.tenantId = :accountId";
      parameters.put("accountId", caller.accountId());
    }
    return Page.read(
        em,
        AuditEvent.class,
        "FROM AuditEvent e",
        where,
        parameters,
        " ORDER BY e.occurredAt DESC, e.id",
        page,
        size,
        500,
        "events");
  }

  /**
   * Administrators read every event; everyone else the events they did or that concern their CAs.
   * Newest first.
   */
  public List<AuditEvent> read(Caller caller, int offset, int limit) {
    var query =
        caller.isAdmin()
            ? em.createNamedQuery("AuditEvent.all", AuditEvent.class)
            : em.createNamedQuery("AuditEvent.byActorOrTenant", AuditEvent.class)
                .setParameter("accountId", caller.accountId());
    return query
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(Math.max(1, limit), 500))
        .getResultList();
  }

  private AuditEvent event(
      Caller caller,
      String action,
      String objectType,
      String objectId,
      String caId,
      Outcome outcome,
      String detail) {
    String type = objectType == null || objectType.isEmpty() ? null : objectType;
    String ca = caId != null ? caId : caOf(type, objectId);
    String tenant = tenantOf(ca, caller);
    if (tenant == null && ACCOUNT.equals(type) && objectId != null && objectId.length() <= 36) {
      tenant =
          objectId; // an anonymous attempt on an account, such as a failed sign-in: its holder sees
      // it
    }
    return new AuditEvent(
        caller == null ? null : caller.accountId(),
        caller == null ? ANONYMOUS : caller.username(),
        action,
        type,
        objectId,
        outcome,
        detail,
        tenant,
        ca);
  }

  /**
   * The owner of the CA; when there is none (or it is gone), the acting account; else no tenant.
   */
  private String tenantOf(String caId, Caller caller) {
    Identified ca = find(CA, caId);
    if (ca != null && ca.ownerId() != null) {
      return ca.ownerId();
    }
    return caller == null ? null : caller.accountId();
  }

  /** The CA of the object an action named only by id (a failure has no result to ask). */
  private String caOf(String objectType, String objectId) {
    if (CA.equals(objectType)) {
      return objectId == null || objectId.length() > 36 ? null : objectId;
    }
    Identified object = find(objectType, objectId);
    return object == null ? null : object.caId();
  }

  /** The entity {@link AuditedAs} {@code objectType} with that id, if there is one. */
  private Identified find(String objectType, String objectId) {
    if (objectType == null || objectId == null || objectId.length() > 36) {
      return null;
    }
    Class<?> type = auditedTypes().get(objectType);
    return type != null && em.find(type, objectId) instanceof Identified found ? found : null;
  }

  /**
   * Each {@link AuditedAs} name's entity class, from the persistence unit's metamodel, which does
   * not change while the application runs: looked up once, not on every event.
   */
  private Map<String, Class<?>> auditedTypes() {
    Map<String, Class<?>> types = auditedTypes;
    if (types == null) {
      Map<String, Class<?>> found = new HashMap<>();
      for (EntityType<?> entity : em.getMetamodel().getEntities()) {
        AuditedAs name = entity.getJavaType().getAnnotation(AuditedAs.class);
        if (name != null) {
          found.putIfAbsent(name.value(), entity.getJavaType());
        }
      }
      types = Map.copyOf(found);
      auditedTypes = types;
    }
    return types;
  }
}
