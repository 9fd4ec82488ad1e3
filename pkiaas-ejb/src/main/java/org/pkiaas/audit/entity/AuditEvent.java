package org.pkiaas.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pkiaas.signing.Randomness;

/** One administrative action: who did what to which object, when, and how it ended. Never updated. */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = "AuditEvent.all", query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(name = "AuditEvent.byActor",
        query = "SELECT e FROM AuditEvent e WHERE e.actorId = :actorId ORDER BY e.occurredAt DESC, e.id")
public class AuditEvent {

    private static final int MAX_DETAIL = 1000;

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id")
    private String actorId;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column
    private String detail;

    protected AuditEvent() {
        // JPA
    }

    public AuditEvent(String actorId, String actor, String action, String objectType, String objectId,
            Outcome outcome, String detail) {
        this.id = Randomness.uuid().toString();
        this.occurredAt = Instant.now();
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
