package org.pkiaas.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.audit.entity.Outcome;
import org.pkiaas.tenant.boundary.Caller;

/** The audit log: written by {@link AuditInterceptor}, read by account holders and administrators. */
@Stateless
public class AuditLog {

    private static final String ANONYMOUS = "anonymous";

    @PersistenceContext
    EntityManager em;

    /** Written in the action's own transaction: it commits or rolls back with the action. */
    public void success(Caller caller, String action, String objectType, String objectId) {
        em.persist(event(caller, action, objectType, objectId, Outcome.SUCCESS, null));
    }

    /** Written in a new transaction: the failed action's rollback must not erase it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failure(Caller caller, String action, String objectType, String objectId, String detail) {
        em.persist(event(caller, action, objectType, objectId, Outcome.FAILURE, detail));
    }

    /** Administrators read every event; everyone else reads their own. Newest first. */
    public List<AuditEvent> read(Caller caller, int offset, int limit) {
        var query = caller.isAdmin()
                ? em.createNamedQuery("AuditEvent.all", AuditEvent.class)
                : em.createNamedQuery("AuditEvent.byActor", AuditEvent.class).setParameter("actorId", caller.accountId());
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.min(Math.max(1, limit), 500)).getResultList();
    }

    private static AuditEvent event(Caller caller, String action, String objectType, String objectId,
            Outcome outcome, String detail) {
        return new AuditEvent(caller == null ? null : caller.accountId(), caller == null ? ANONYMOUS : caller.username(),
                action, objectType.isEmpty() ? null : objectType, objectId, outcome, detail);
    }
}
