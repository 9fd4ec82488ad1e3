package org.pkiaas.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.identity.Role;
import org.pkiaas.rowid.RowIds;

/**
 * A local sign-in account; owner of certificate authorities. Whatever changes what signing in as it
 * answers (its password, enabled flag or role, its removal) fires {@code CredentialsChanged}, so
 * that the API's remembered sign-ins ({@code SignInCache}) are forgotten.
 */
@Entity
@Table(name = "account")
@NamedQuery(
    name = "Account.findByUsername",
    query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = "Account.all", query = "SELECT a FROM Account a ORDER BY a.username")
public class Account implements Identified {

  @Id private String id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /**
   * Raised by every password change; a console session signed in with an older version has ended.
   */
  @Column(name = "credentials_version", nullable = false)
  private int credentialsVersion;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  protected Account() {
    // JPA
  }

  public Account(String username, String passwordHash, Role role) {
    this.id = RowIds.next();
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.enabled = true;
    this.createdAt = Instant.now();
  }

  @Override
  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  /**
   * A new password: ends the sessions signed in with the old one and lifts a pending change
   * requirement.
   */
  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.credentialsVersion++;
    this.mustChangePassword = false;
  }

  public int credentialsVersion() {
    return credentialsVersion;
  }

  /** Whether the password was generated and must be changed before anything else is done. */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public void requirePasswordChange() {
    this.mustChangePassword = true;
  }

  public Role role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
