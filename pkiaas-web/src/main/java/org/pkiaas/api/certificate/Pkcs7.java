package org.pkiaas.api.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;
import org.pkiaas.pem.Pem;

/**
 * A "certs-only" PKCS#7 / CMS SignedData (RFC 5652 §5, RFC 8551 §3.6.2.2): certificates, no
 * signers.
 */
public final class Pkcs7 {

  private Pkcs7() {}

  public static byte[] certsOnly(String chainPem) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addCertificates(
          new CollectionStore<X509CertificateHolder>(Pem.certificates("chain", chainPem)));
      return generator.generate(new CMSAbsentContent()).getEncoded();
    } catch (CMSException | IOException e) {
      throw new UncheckedIOException(new IOException("PKCS#7 encoding failed", e));
    }
  }
}
