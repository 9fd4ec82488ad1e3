package org.pkiaas.view.manage.acme;

import java.io.Serializable;

/**
 * A new external account binding as its modal shows it, once: where clients register, with which
 * key identifier and HMAC key, and the commands that do it with certbot and lego.
 *
 * @param hmacKey base64url without padding, as both clients take it
 */
public record ShownBinding(String directoryUrl, String kid, String hmacKey)
    implements Serializable {

  /**
   * Registers an account with certbot (user guide 5.5.1); the address is the holder's to fill in.
   */
  public String certbot() {
    return "certbot register --server "
        + directoryUrl
        + " --eab-kid "
        + kid
        + " --eab-hmac-key "
        + hmacKey
        + " --agree-tos -m YOU@EXAMPLE.COM"
        + trustHint("REQUESTS_CA_BUNDLE");
  }

  /**
   * Registers an account with lego; lego registers on its first run, here one that orders a
   * certificate.
   */
  public String lego() {
    return "lego --server "
        + directoryUrl
        + " --eab --kid "
        + kid
        + " --hmac "
        + hmacKey
        + " --accept-tos --email YOU@EXAMPLE.COM --domains WWW.EXAMPLE.COM --http run"
        + trustHint("LEGO_CA_CERTIFICATES");
  }

  /**
   * For an HTTPS directory, how the client trusts a server certificate from PKIaaS's installation
   * CA: the variable that names the CA file (certbot reads REQUESTS_CA_BUNDLE, lego
   * LEGO_CA_CERTIFICATES).
   */
  private String trustHint(String variable) {
    return directoryUrl.startsWith("https://")
        ? "\n# If the server's certificate comes from PKIaaS's installation CA, put "
            + variable
            + "=/path/to/installation-ca.pem (the start banner names it) in front."
        : "";
  }
}
