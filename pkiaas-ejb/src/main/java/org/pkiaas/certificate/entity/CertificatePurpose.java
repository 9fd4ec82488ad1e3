package org.pkiaas.certificate.entity;

import java.util.EnumSet;
import java.util.Set;

/** Why a certificate exists: for a subscriber, or for one of the CA's own services. */
public enum CertificatePurpose {
  END_ENTITY,
  SUBORDINATE_CA,
  OCSP_RESPONDER,
  TIMESTAMPING,
  /** The RSA registration authority that signs and decrypts SCEP messages for the CA. */
  SCEP_RA;

  /** Certificates someone asked the CA for: what the dashboard counts and lists show by default. */
  public static final Set<CertificatePurpose> SUBSCRIBER =
      Set.copyOf(EnumSet.of(END_ENTITY, SUBORDINATE_CA));

  /**
   * Certificates the CA issued to its own services (OCSP responder, timestamping unit, SCEP RA).
   */
  public static final Set<CertificatePurpose> SERVICE =
      Set.copyOf(EnumSet.of(OCSP_RESPONDER, TIMESTAMPING, SCEP_RA));
}
