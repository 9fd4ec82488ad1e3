package org.pkiaas.acme.boundary;

/** The ACME error types this server reports (RFC 8555 §6.7), each with its HTTP status. */
public enum AcmeError {
  ACCOUNT_DOES_NOT_EXIST("accountDoesNotExist", 400),
  ALREADY_REPLACED("alreadyReplaced", 409),
  ALREADY_REVOKED("alreadyRevoked", 400),
  BAD_CSR("badCSR", 400),
  BAD_NONCE("badNonce", 400),
  BAD_PUBLIC_KEY("badPublicKey", 400),
  BAD_REVOCATION_REASON("badRevocationReason", 400),
  BAD_SIGNATURE_ALGORITHM("badSignatureAlgorithm", 400),
  EXTERNAL_ACCOUNT_REQUIRED("externalAccountRequired", 400),
  INVALID_CONTACT("invalidContact", 400),
  KEY_IN_USE("malformed", 409),
  MALFORMED("malformed", 400),
  NOT_FOUND("malformed", 404),
  ORDER_NOT_READY("orderNotReady", 403),
  RATE_LIMITED("rateLimited", 429),
  REJECTED_IDENTIFIER("rejectedIdentifier", 400),
  SERVER_INTERNAL("serverInternal", 500),
  UNAUTHORIZED("unauthorized", 403),
  UNSUPPORTED_CONTACT("unsupportedContact", 400),
  UNSUPPORTED_IDENTIFIER("unsupportedIdentifier", 400);

  private final String type;
  private final int status;

  AcmeError(String type, int status) {
    this.type = type;
    this.status = status;
  }

  /** The problem document's {@code type}: {@code urn:ietf:params:acme:error:…}. */
  public String uri() {
    return "urn:ietf:params:acme:error:" + type;
  }

  public int status() {
    return status;
  }
}
