package org.pkiaas.acme.control;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;

/**
 * The unique identifier of a certificate in ACME Renewal Information (RFC 9773 §4.1): the base64url
 * keyIdentifier of its Authority Key Identifier, a dot, and the base64url DER value of its serial
 * number.
 */
public record CertificateIdentifier(byte[] keyIdentifier, BigInteger serial) {

  public static CertificateIdentifier parse(String text) {
    int dot = text == null ? -1 : text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "A certificate identifier is keyIdentifier.serial, both base64url");
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      return new CertificateIdentifier(
          decoder.decode(text.substring(0, dot)),
          new BigInteger(decoder.decode(text.substring(dot + 1))));
    } catch (IllegalArgumentException e) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "A certificate identifier is keyIdentifier.serial, both base64url");
    }
  }

  /** Whether {@code der} is the certificate this identifies. */
  public boolean identifies(byte[] der) {
    try {
      X509CertificateHolder certificate = new X509CertificateHolder(der);
      AuthorityKeyIdentifier aki =
          AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
      return certificate.getSerialNumber().equals(serial)
          && aki != null
          && Arrays.equals(aki.getKeyIdentifierOctets(), keyIdentifier);
    } catch (IOException e) {
      return false;
    }
  }
}
