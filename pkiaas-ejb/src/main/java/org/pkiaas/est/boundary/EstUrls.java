package org.pkiaas.est.boundary;

/**
 * Where a template's EST service is reached (RFC 7030 §3.2.2), under the public base URL: the
 * well-known URL clients append the operation to, and the base URL for clients that append {@code
 * /.well-known/est/} themselves (strongSwan's {@code pki --est --url}). Null when the template has
 * no label.
 */
public record EstUrls(String wellKnown, String baseUrl) {

  public static EstUrls of(String publicUrl, String label) {
    return label == null
        ? new EstUrls(null, null)
        : new EstUrls(publicUrl + "/.well-known/est/" + label, publicUrl + "/est/" + label);
  }
}
