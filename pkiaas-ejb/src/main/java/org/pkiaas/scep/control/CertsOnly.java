package org.pkiaas.scep.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * A degenerate, certificates-only CMS SignedData (RFC 8894 §3.4, RFC 5652 §5.2): no content and no
 * signers, only certificates or CRLs. GetCACert's CA and RA certificates, and the issued
 * certificate or CRL inside a CertRep's envelope, travel in it.
 */
public final class CertsOnly {

  private CertsOnly() {}

  public static byte[] certificates(List<X509CertificateHolder> certificates) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addCertificates(new CollectionStore<>(certificates));
      return generator.generate(new CMSAbsentContent()).getEncoded(ASN1Encoding.DER);
    } catch (CMSException | IOException e) {
      throw new IllegalStateException("A certificates-only SignedData cannot be built", e);
    }
  }

  public static byte[] crl(X509CRLHolder crl) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addCRLs(new CollectionStore<>(List.of(crl)));
      return generator.generate(new CMSAbsentContent()).getEncoded(ASN1Encoding.DER);
    } catch (CMSException e) {
      throw new IllegalStateException("A CRLs-only SignedData cannot be built", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
