package org.pkiaas.ca.entity;

/** The CA services that sign with a delegated key of their own. */
public enum ServicePurpose {
  OCSP_RESPONDER,
  TIMESTAMPING,
  SCEP_RA
}
