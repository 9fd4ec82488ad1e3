package org.pkiaas.crl.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * A complete CRL as built and signed, shared by every node; its DER is kept in {@link CrlPart}s.
 * Delta CRLs are small and quick to build, so each node builds and keeps its own (with numbers from
 * the shared sequence) and they are not stored.
 */
@Entity
@Table(name = "published_crl")
@NamedQuery(
    name = "PublishedCrl.latestComplete",
    query = "SELECT c FROM PublishedCrl c WHERE c.caId = :caId" + " ORDER BY c.crlNumber DESC")
@NamedQuery(
    name = "PublishedCrl.byCa",
    query = "SELECT c FROM PublishedCrl c WHERE c.caId = :caId ORDER BY c.crlNumber DESC")
public class PublishedCrl {

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(name = "crl_number", nullable = false)
  private long crlNumber;

  @Column(nullable = false)
  private long revision;

  @Column(nullable = false)
  private long entries;

  @Column(name = "this_update", nullable = false)
  private Instant thisUpdate;

  @Column(name = "next_update", nullable = false)
  private Instant nextUpdate;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private int parts;

  protected PublishedCrl() {
    // JPA
  }

  public PublishedCrl(
      String caId,
      long crlNumber,
      long revision,
      long entries,
      Instant thisUpdate,
      Instant nextUpdate,
      Instant readAt,
      long sizeBytes,
      int parts) {
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.crlNumber = crlNumber;
    this.revision = revision;
    this.entries = entries;
    this.thisUpdate = Objects.requireNonNull(thisUpdate);
    this.nextUpdate = Objects.requireNonNull(nextUpdate);
    this.readAt = Objects.requireNonNull(readAt);
    this.sizeBytes = sizeBytes;
    this.parts = parts;
  }

  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public long crlNumber() {
    return crlNumber;
  }

  public long revision() {
    return revision;
  }

  public long entries() {
    return entries;
  }

  public Instant thisUpdate() {
    return thisUpdate;
  }

  public Instant nextUpdate() {
    return nextUpdate;
  }

  public Instant readAt() {
    return readAt;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public int parts() {
    return parts;
  }
}
