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
        + " --agree-tos -m YOU@EXAMPLE.COM";
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
        + " --accept-tos --email YOU@EXAMPLE.COM --domains WWW.EXAMPLE.COM --http run";
  }
}
