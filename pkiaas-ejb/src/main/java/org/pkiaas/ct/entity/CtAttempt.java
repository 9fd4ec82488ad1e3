package org.pkiaas.ct.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * A precertificate whose logs did not give enough valid SCTs, so that nothing was issued, with what
 * each log answered: kept for the administrator of the request.
 */
@Entity
@Table(name = "ct_attempt")
@NamedQuery(
    name = "CtAttempt.byRequest",
    query =
        "SELECT a FROM CtAttempt a WHERE a.caId = :caId AND a.requestId = :requestId"
            + " ORDER BY a.createdAt DESC, a.id")
@NamedQuery(
    name = "CtAttempt.byCa",
    query = "SELECT a FROM CtAttempt a WHERE a.caId = :caId ORDER BY a.createdAt DESC, a.id")
public class CtAttempt {

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(name = "template_id")
  private String templateId;

  @Column(name = "request_id")
  private String requestId;

  /**
   * The issuance channel the request came through ({@code ACME}, {@code SCEP}, …); null before V26.
   */
  @Column(length = 20)
  private String channel;

  @Lob
  @Column(nullable = false)
  private byte[] precertificate;

  /** One line per log: its URL and what it answered or why its SCT was refused. */
  @Lob
  @Column(nullable = false)
  private String answers;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CtAttempt() {
    // JPA
  }

  public CtAttempt(
      String caId,
      String templateId,
      String requestId,
      String channel,
      byte[] precertificate,
      String answers) {
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.templateId = templateId;
    this.requestId = requestId;
    this.channel = Objects.requireNonNull(channel);
    this.precertificate = precertificate.clone();
    this.answers = Objects.requireNonNull(answers);
    this.createdAt = Instant.now();
  }

  public String id() {
    return id;
  }

  public String templateId() {
    return templateId;
  }

  public String requestId() {
    return requestId;
  }

  /** The channel's name, or null for an attempt recorded before channels were (V26). */
  public String channel() {
    return channel;
  }

  public byte[] precertificate() {
    return precertificate.clone();
  }

  public String answers() {
    return answers;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
