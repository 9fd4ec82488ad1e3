package org.pkiaas.issuance.entity;

/** How a request reached PKIaaS (user guide 2.5). */
public enum RequestKind {
  /** An administrator submitted a CSR. */
  CSR,
  /** Someone used a template's public request page. */
  PUBLIC,
  /** An administrator fixed everything up front; the holder claims it. */
  PRE_APPROVED,
  /** A device enrolled through the template's SCEP URL (RFC 8894 PKCSReq). */
  SCEP,
  /** A device enrolled through the template's EST URL (RFC 7030 simpleenroll). */
  EST
}
