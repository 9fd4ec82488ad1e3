package org.pkiaas.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * DER in and out for certificates and requests PKIaaS itself made or stored: an encoding failure
 * here is a bug, not bad input, so it surfaces unchecked.
 */
public final class Der {

  /** CA certificates parsed once: a deployment has a handful, each read on every issuance. */
  private static final int ISSUERS_KEPT = 256;

  private static final Map<ByteBuffer, X509CertificateHolder> ISSUERS = new ConcurrentHashMap<>();

  private Der() {}

  /**
   * A CA's stored certificate, parsed once per node: {@link X509CertificateHolder} is immutable,
   * and the DER bytes themselves are the key, so a CA whose certificate changes (an imported one, a
   * renewal) gets the new one parsed. Only for issuer certificates: the set stays small; past
   * {@value #ISSUERS_KEPT} it starts again.
   */
  public static X509CertificateHolder issuerCertificate(byte[] der) {
    X509CertificateHolder parsed = ISSUERS.get(ByteBuffer.wrap(der));
    if (parsed == null) {
      if (ISSUERS.size() >= ISSUERS_KEPT) {
        ISSUERS.clear();
      }
      parsed = certificate(der);
      // a copy for the key: the caller's array may change later
      ISSUERS.put(ByteBuffer.wrap(der.clone()), parsed);
    }
    return parsed;
  }

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
