package org.pkiaas.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The newest sealed event of one chain, MACed so that cutting events off the end shows. */
@Entity
@Table(name = "audit_chain")
@NamedQuery(
    name = "AuditChainHead.all",
    query = "SELECT h FROM AuditChainHead h ORDER BY h.chainId")
public class AuditChainHead {

  @Id
  @Column(name = "chain_id")
  private String chainId;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_mac", nullable = false)
  private String lastMac;

  @Column(name = "head_mac", nullable = false)
  private String headMac;

  @Column(name = "sealed_at", nullable = false)
  private Instant sealedAt;

  protected AuditChainHead() {
    // JPA
  }

  public AuditChainHead(String chainId) {
    this.chainId = chainId;
  }

  public String chainId() {
    return chainId;
  }

  public long lastSeq() {
    return lastSeq;
  }

  /** The last event's MAC; null for a head not yet advanced. */
  public String lastMac() {
    return lastMac;
  }

  public String headMac() {
    return headMac;
  }

  public Instant sealedAt() {
    return sealedAt;
  }

  public void advance(long seq, String mac, String newHeadMac, Instant at) {
    this.lastSeq = seq;
    this.lastMac = mac;
    this.headMac = newHeadMac;
    this.sealedAt = at;
  }
}
