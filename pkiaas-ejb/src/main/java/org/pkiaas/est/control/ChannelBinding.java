package org.pkiaas.est.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.pkiaas.est.boundary.EstFailure;

/**
 * Linking a CSR to the TLS connection it came over (RFC 7030 §3.5): a client that wants its proof
 * of possession tied to the client certificate it authenticated with puts the base64 of the
 * connection's tls-unique value (RFC 5929 §3) into the CSR's challengePassword attribute, and EST
 * reserves that attribute for this use. Such a CSR is accepted only when the value is the one of
 * this connection; one the server cannot check is refused rather than taken on trust.
 */
public final class ChannelBinding {

  private ChannelBinding() {}

  /**
   * Checks the CSR's tls-unique, if it carries one.
   *
   * @param tlsUnique the connection's tls-unique value, or null when the TLS layer does not tell it
   *     (TLS 1.3 defines none, RFC 9266 §1)
   */
  public static void check(SimplePkiRequest csr, byte[] tlsUnique) {
    Attribute[] attributes =
        csr.csr().getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
    if (attributes.length == 0) {
      return;
    }
    ASN1Encodable[] values = attributes[0].getAttributeValues();
    if (attributes.length != 1 || values.length != 1 || !(values[0] instanceof ASN1String sent)) {
      throw new EstFailure(
          EstFailure.Status.BAD_REQUEST,
          "The CSR's challengePassword must be one string: the connection's tls-unique value"
              + " (RFC 7030 §3.5)");
    }
    if (tlsUnique == null) {
      throw new EstFailure(
          EstFailure.Status.BAD_REQUEST,
          "This connection has no tls-unique value to check the CSR's channel binding against"
              + " (TLS 1.3 defines none, and this server's TLS layer does not expose it for"
              + " TLS 1.2): send the CSR without a challengePassword (RFC 7030 §3.5)");
    }
    byte[] expected =
        Base64.getEncoder().encodeToString(tlsUnique).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sent.getString().getBytes(StandardCharsets.US_ASCII))) {
      throw new EstFailure(
          EstFailure.Status.FORBIDDEN,
          "The CSR's tls-unique value is not this connection's: the CSR was made for another"
              + " TLS session (RFC 7030 §3.5)");
    }
  }
}
