package org.pkiaas.est.control;

import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.scep.control.CertsOnly;

/**
 * What cacerts, simpleenroll and simplereenroll answer (RFC 7030 §4.1.3, §4.2.3): a certs-only CMS
 * SignedData (RFC 5652 §5.2, no content, no signers), base64, as {@code application/pkcs7-mime}.
 */
public final class SimplePkiResponse {

  public static final String MEDIA_TYPE = "application/pkcs7-mime";
  public static final String ENROLL_MEDIA_TYPE = "application/pkcs7-mime; smime-type=certs-only";

  private SimplePkiResponse() {}

  /** The base64 body carrying {@code certificates}. */
  public static byte[] encode(List<X509CertificateHolder> certificates) {
    return EstBase64.encode(CertsOnly.certificates(certificates));
  }
}
