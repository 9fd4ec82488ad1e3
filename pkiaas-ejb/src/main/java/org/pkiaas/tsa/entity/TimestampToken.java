package org.pkiaas.tsa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The record of one time stamp a CA granted: its serial, genTime and policy, the hash stamped (not
 * the data) and the requester's address.
 */
@Entity
@Table(name = "timestamp_token")
@NamedQuery(
    name = "TimestampToken.byCaAndImprint",
    query =
        "SELECT t FROM TimestampToken t WHERE t.caId = :caId AND t.messageImprint = :imprint"
            + " ORDER BY t.genTime")
public class TimestampToken {

  /** The protocol a stamp was asked for with. */
  public enum Protocol {
    RFC3161,
    AUTHENTICODE
  }

  @Id
  @Column(name = "serial_number")
  private String serialNumber;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Protocol protocol;

  @Column(name = "gen_time", nullable = false)
  private Instant genTime;

  /** The dotted OID of the hash algorithm. */
  @Column(name = "hash_algorithm", nullable = false)
  private String hashAlgorithm;

  /** The stamped hash, lower-case hex. */
  @Column(name = "message_imprint", nullable = false)
  private String messageImprint;

  @Column private String policy;

  @Column private String requester;

  protected TimestampToken() {
    // JPA
  }

  public TimestampToken(
      String serialNumber,
      String caId,
      Protocol protocol,
      Instant genTime,
      String hashAlgorithm,
      String messageImprint,
      String policy,
      String requester) {
    this.serialNumber = Objects.requireNonNull(serialNumber);
    this.caId = Objects.requireNonNull(caId);
    this.protocol = Objects.requireNonNull(protocol);
    this.genTime = Objects.requireNonNull(genTime);
    this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm);
    this.messageImprint = Objects.requireNonNull(messageImprint);
    this.policy = policy;
    this.requester = requester;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String caId() {
    return caId;
  }

  public Protocol protocol() {
    return protocol;
  }

  public Instant genTime() {
    return genTime;
  }

  public String hashAlgorithm() {
    return hashAlgorithm;
  }

  public String messageImprint() {
    return messageImprint;
  }

  public String policy() {
    return policy;
  }

  public String requester() {
    return requester;
  }
}
