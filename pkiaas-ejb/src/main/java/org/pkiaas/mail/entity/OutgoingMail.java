package org.pkiaas.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.rowid.RowIds;

/**
 * A mail in the outbox: written with the transaction that causes it, sent after, retried until it
 * goes.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
    name = "OutgoingMail.due",
    query =
        "SELECT m.id FROM OutgoingMail m WHERE m.sentAt IS NULL AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(
    name = "OutgoingMail.claim",
    query =
        "UPDATE OutgoingMail m SET m.nextAttemptAt = :lease, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.sentAt IS NULL AND m.nextAttemptAt <= :now")
public class OutgoingMail {

  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  @Id private String id;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Lob
  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error")
  private String lastError;

  @Version private int version;

  protected OutgoingMail() {
    // JPA
  }

  public OutgoingMail(String recipient, String subject, String body) {
    this.id = RowIds.next();
    this.recipient = Objects.requireNonNull(recipient);
    this.subject = Objects.requireNonNull(subject);
    this.body = Objects.requireNonNull(body);
    this.createdAt = Instant.now();
    this.nextAttemptAt = createdAt;
  }

  public void sent(Instant at) {
    this.sentAt = at;
    this.attempts++;
    this.lastError = null;
  }

  /** Backs off exponentially from 30 seconds to an hour; a mail is never dropped. */
  public void failed(String error, Instant at) {
    this.attempts++;
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 30L << Math.min(attempts - 1, 10));
    this.nextAttemptAt = at.plusSeconds(seconds);
    this.lastError =
        error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
  }

  public String id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public int attempts() {
    return attempts;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String lastError() {
    return lastError;
  }
}
