package org.pkiaas.issuance.control;

/**
 * Where a request came from; each channel proves something different about it (see {@link
 * Evidence}).
 */
public enum Channel {
  /**
   * An administrator signs a queued CSR (console sign dialog, {@code POST
   * /api/v1/requests/{id}/sign}).
   */
  ADMIN_CSR,
  /** An administrator fixed the content up front and redeems it at once with a CSR. */
  PRE_APPROVED,
  /** A public request page submission; it is queued and signed by an administrator later. */
  PUBLIC_REQUEST,
  /** The holder of a claim link brings the key for content approved earlier. */
  CLAIM,
  /** The holder of a valid certificate renews it with the same key. */
  RENEWAL,
  /** ACME finalize: the requester proved control of names, and of nothing else. */
  ACME,
  /**
   * SCEP PKCSReq (RFC 8894 §3.3.1): the requester knew a challenge password the template accepts,
   * and nothing else.
   */
  SCEP,
  /**
   * EST simpleenroll (RFC 7030 §4.2.1): the requester knew the template's EST username and
   * password, or held a certificate in force from the template's CA (§3.3.2), and nothing else.
   */
  EST,
  /**
   * PKIaaS's own HTTPS listener: an administrator chose the template for it, and the names are the
   * public URL's host and localhost, fixed by the operator's configuration; the key is the
   * server's.
   */
  HTTPS_SERVER
}
