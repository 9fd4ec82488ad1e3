package org.pkiaas.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * DER in and out for certificates and requests PKIaaS itself made or stored: an encoding failure
 * here is a bug, not bad input, so it surfaces unchecked.
 */
public final class Der {

  private Der() {}

  /** A stored certificate, parsed. */
  public static X509CertificateHolder certificate(byte[] der) {
    try {
      return new X509CertificateHolder(der);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored certificate cannot be parsed", e);
    }
  }

  public static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encoded(PKCS10CertificationRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encoded(ASN1Encodable object) {
    try {
      return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
