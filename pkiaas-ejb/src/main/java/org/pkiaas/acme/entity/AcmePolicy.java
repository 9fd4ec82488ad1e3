package org.pkiaas.acme.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.rowid.RowIds;

/**
 * Binds ACME accounts to a CA and a certificate template (user guide 5.2); its pre-approved domains
 * are authorized without any challenge.
 */
@Entity
@Table(name = "acme_policy")
@NamedQuery(
    name = "AcmePolicy.byCa",
    query = "SELECT p FROM AcmePolicy p WHERE p.caId = :caId ORDER BY p.name, p.id")
@NamedQuery(
    name = "AcmePolicy.byCaAndName",
    query = "SELECT p FROM AcmePolicy p WHERE p.caId = :caId AND p.name = :name")
@NamedQuery(
    name = "AcmePolicy.countByTemplate",
    query = "SELECT COUNT(p) FROM AcmePolicy p WHERE p.templateId = :templateId")
@NamedQuery(name = "AcmePolicy.deleteByCa", query = "DELETE FROM AcmePolicy p WHERE p.caId = :caId")
@NamedQuery(
    name = AcmePolicy.WITH_CA,
    query =
        "SELECT p, c FROM AcmePolicy p JOIN CertificateAuthority c ON c.id = p.caId"
            + " WHERE p.id = :id")
public class AcmePolicy implements Identified {

  /** The policy {@code id} and its CA, in one statement: rows of {policy, CA}. */
  public static final String WITH_CA = "AcmePolicy.withCa";

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(name = "template_id", nullable = false)
  private String templateId;

  @Column(nullable = false)
  private String name;

  @Column(name = "pre_approved_domains")
  private String preApprovedDomains;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private int version;

  protected AcmePolicy() {
    // JPA
  }

  /**
   * @param preApprovedDomains normalized, comma-separated; empty for none
   */
  public AcmePolicy(String caId, String templateId, String name, String preApprovedDomains) {
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.templateId = Objects.requireNonNull(templateId);
    this.name = Objects.requireNonNull(name);
    this.preApprovedDomains = preApprovedDomains;
    this.createdAt = Instant.now();
  }

  public void change(String templateId, String name, String preApprovedDomains) {
    this.templateId = Objects.requireNonNull(templateId);
    this.name = Objects.requireNonNull(name);
    this.preApprovedDomains = preApprovedDomains;
  }

  @Override
  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public String templateId() {
    return templateId;
  }

  public String name() {
    return name;
  }

  public String preApprovedDomains() {
    return preApprovedDomains == null ? "" : preApprovedDomains;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
