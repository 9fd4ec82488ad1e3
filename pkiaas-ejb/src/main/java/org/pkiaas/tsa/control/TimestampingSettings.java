package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time-stamp authority's settings ({@code pkiaas.tsa.*}, system properties or {@code
 * PKIAAS_TSA_...} environment variables); docs/operator-guide.md lists them.
 */
@ApplicationScoped
public class TimestampingSettings {

  /**
   * The arc used when the operator configures none: a UUID-based OID (ITU-T X.667, arc 2.25), which
   * needs no registration. An operator with an arc of its own should set it.
   */
  static final String DEFAULT_ARC = "2.25.162957715698232743335901651175714272772";

  @Inject
  @ConfigProperty(name = "pkiaas.tsa.policy-arc", defaultValue = DEFAULT_ARC)
  String policyArc;

  @Inject
  @ConfigProperty(name = "pkiaas.tsa.certificate.validity.days", defaultValue = "1095")
  int certificateValidityDays;

  @Inject
  @ConfigProperty(name = "pkiaas.tsa.record-tokens", defaultValue = "true")
  boolean recordTokens;

  /** The policy of a CA's tokens when it names none of its own: {@code <arc>.1}. */
  public ASN1ObjectIdentifier defaultPolicy() {
    return new ASN1ObjectIdentifier(policyArc.trim()).branch("1");
  }

  /** How long a time-stamping certificate is valid (never beyond its CA's certificate). */
  public int certificateValidityDays() {
    return certificateValidityDays;
  }

  /** Whether every token granted is recorded (serial, time, CA, imprint, requester). */
  public boolean recordTokens() {
    return recordTokens;
  }
}
