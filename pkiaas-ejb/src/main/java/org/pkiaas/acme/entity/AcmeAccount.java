package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.rowid.RowIds;

/**
 * An ACME account (RFC 8555 §7.1.2): its public key as a JWK, identified by the key's RFC 7638
 * thumbprint, bound for ever to the policy of the external account binding it registered with.
 */
@Entity
@Table(name = "acme_account")
@NamedQuery(
    name = "AcmeAccount.byThumbprint",
    query = "SELECT a FROM AcmeAccount a WHERE a.keyThumbprint = :thumbprint")
@NamedQuery(
    name = "AcmeAccount.byPolicy",
    query = "SELECT a FROM AcmeAccount a WHERE a.policyId = :policyId ORDER BY a.createdAt, a.id")
@NamedQuery(
    name = "AcmeAccount.countByPolicy",
    query = "SELECT COUNT(a) FROM AcmeAccount a WHERE a.policyId = :policyId")
@NamedQuery(
    name = "AcmeAccount.countsByCa",
    query =
        "SELECT a.policyId, COUNT(a) FROM AcmeAccount a"
            + " WHERE a.policyId IN (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId) GROUP BY a.policyId")
@NamedQuery(
    name = "AcmeAccount.deleteByCa",
    query =
        "DELETE FROM AcmeAccount a WHERE a.policyId IN (SELECT p.id FROM AcmePolicy p WHERE p.caId = :caId)")
public class AcmeAccount implements Identified {

  @Id private String id;

  @Column(name = "policy_id", nullable = false)
  private String policyId;

  @Column(name = "eab_id")
  private String eabId;

  @Column(name = "key_thumbprint", nullable = false)
  private String keyThumbprint;

  @Column(nullable = false)
  private String jwk;

  private String contact;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccountStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private int version;

  protected AcmeAccount() {
    // JPA
  }

  public AcmeAccount(
      String policyId, String eabId, String keyThumbprint, String jwk, List<String> contacts) {
    this.id = RowIds.next();
    this.policyId = Objects.requireNonNull(policyId);
    this.eabId = eabId;
    this.keyThumbprint = Objects.requireNonNull(keyThumbprint);
    this.jwk = Objects.requireNonNull(jwk);
    this.status = AccountStatus.VALID;
    this.createdAt = Instant.now();
    changeContacts(contacts);
  }

  public void changeContacts(List<String> contacts) {
    this.contact = contacts == null || contacts.isEmpty() ? null : String.join(",", contacts);
  }

  /** Rolls the account over to a new key (RFC 8555 §7.3.5). */
  public void changeKey(String keyThumbprint, String jwk) {
    this.keyThumbprint = Objects.requireNonNull(keyThumbprint);
    this.jwk = Objects.requireNonNull(jwk);
  }

  public void deactivate() {
    this.status = AccountStatus.DEACTIVATED;
  }

  @Override
  public String id() {
    return id;
  }

  public String policyId() {
    return policyId;
  }

  public String eabId() {
    return eabId;
  }

  public String keyThumbprint() {
    return keyThumbprint;
  }

  /** The public key, a JWK (RFC 7517) JSON object. */
  public String jwk() {
    return jwk;
  }

  public List<String> contacts() {
    return contact == null ? List.of() : Arrays.asList(contact.split(","));
  }

  public AccountStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
