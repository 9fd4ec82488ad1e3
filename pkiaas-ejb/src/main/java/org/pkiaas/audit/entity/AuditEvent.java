package org.pkiaas.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pkiaas.rowid.RowIds;

/**
 * One audited action: who did what to which object, for which tenant and CA, when, and how it
 * ended. Written unsealed; the sealing step later places it on its chain, and after that it is
 * never changed.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(
    name = "AuditEvent.all",
    query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(
    name = "AuditEvent.byActorOrTenant",
    query =
        "SELECT e FROM AuditEvent e"
            + " WHERE e.actorId = :accountId OR e.tenantId = :accountId ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(
    name = "AuditEvent.unsealed",
    query = "SELECT e FROM AuditEvent e WHERE e.chainSeq IS NULL ORDER BY e.occurredAt, e.id")
@NamedQuery(
    name = "AuditEvent.chains",
    query = "SELECT DISTINCT e.chainId FROM AuditEvent e WHERE e.chainSeq IS NOT NULL")
@NamedQuery(
    name = "AuditEvent.chainFrom",
    query =
        "SELECT e FROM AuditEvent e"
            + " WHERE e.chainId = :chainId AND e.chainSeq >= :from ORDER BY e.chainSeq")
public class AuditEvent {

  /** The chain of events that concern no tenant (such as a failed sign-in for an unknown name). */
  public static final String SYSTEM_CHAIN = "system";

  private static final int MAX_DETAIL = 1000;
  private static final int MAX_NAME = 100;
  private static final int MAX_ID = 64;

  @Id private String id;

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

  @Column private String detail;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "ca_id")
  private String caId;

  @Column(name = "chain_id", nullable = false)
  private String chainId;

  @Column(name = "chain_seq")
  private Long chainSeq;

  @Column(name = "previous_mac")
  private String previousMac;

  @Column private String mac;

  protected AuditEvent() {
    // JPA
  }

  /**
   * @param tenantId the account whose audit log shows the event (the owner of the CA concerned), or
   *     null
   * @param caId the CA the event concerns, or null
   */
  public AuditEvent(
      String actorId,
      String actor,
      String action,
      String objectType,
      String objectId,
      Outcome outcome,
      String detail,
      String tenantId,
      String caId) {
    this.id = RowIds.next();
    // the database keeps milliseconds; the MAC covers what it keeps
    this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    this.tenantId = tenantId;
    this.caId = caId;
    this.chainId = tenantId == null ? SYSTEM_CHAIN : tenantId;
    this.actorId = actorId;
    this.actor = clip(actor, MAX_NAME);
    this.action = clip(action, MAX_ID);
    this.objectType = clip(objectType, MAX_ID);
    this.objectId = clip(objectId, MAX_ID);
    this.outcome = outcome;
    this.detail = clip(detail, MAX_DETAIL);
  }

  // Some of these come from requests (a sign-in name, an ACME actor): they must fit their columns.
  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
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

  public String tenantId() {
    return tenantId;
  }

  public String caId() {
    return caId;
  }

  public String chainId() {
    return chainId;
  }

  /** The event's position in its chain, from 1; null while unsealed. */
  public Long chainSeq() {
    return chainSeq;
  }

  public String mac() {
    return mac;
  }

  /** The MAC of the event before it in its chain; null while unsealed. */
  public String previousMac() {
    return previousMac;
  }
}
