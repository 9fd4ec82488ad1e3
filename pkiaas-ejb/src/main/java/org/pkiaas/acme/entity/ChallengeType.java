package org.pkiaas.acme.entity;

/** The challenge types this server validates (RFC 8555 §8.3, §8.4; RFC 8737). */
public enum ChallengeType {
  HTTP_01("http-01"),
  DNS_01("dns-01"),
  TLS_ALPN_01("tls-alpn-01");

  private final String json;

  ChallengeType(String json) {
    this.json = json;
  }

  /** As the protocol spells it. */
  public String json() {
    return json;
  }
}
