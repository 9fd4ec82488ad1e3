package org.pkiaas.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** An installation-wide setting that administrators change at run time. */
@Entity
@Table(name = "app_setting")
public class Setting {

  public static final String SIGNUP_ENABLED = "signup.enabled";

  /** The EST label {@code /.well-known/est/} without a label serves (RFC 7030 §3.2.2). */
  public static final String EST_DEFAULT_LABEL = "est.default-label";

  /** The template that issues the HTTPS listener's certificate; empty or absent for none. */
  public static final String HTTPS_TEMPLATE = "https.template";

  /** When an administrator last asked for a new HTTPS certificate (ISO-8601 instant). */
  public static final String HTTPS_RENEWAL_REQUESTED = "https.renewal-requested";

  @Id private String name;

  @Column(name = "setting_value", nullable = false)
  private String value;

  protected Setting() {
    // JPA
  }

  public Setting(String name, String value) {
    this.name = Objects.requireNonNull(name);
    this.value = Objects.requireNonNull(value);
  }

  public String value() {
    return value;
  }

  public void change(String newValue) {
    this.value = Objects.requireNonNull(newValue);
  }
}
