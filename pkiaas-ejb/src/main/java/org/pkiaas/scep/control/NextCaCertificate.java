package org.pkiaas.scep.control;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.CollectionStore;

/**
 * GetNextCACert's answer (RFC 8894 §4.7.1, {@code application/x-x509-next-ca-cert}): a SignedData
 * signed by the current CA's RA (§3.5.1: the certificate a client found signing in GetCACert, which
 * it verifies this with), whose content is a degenerate certificates-only SignedData (§3.4) with
 * the successor's CA certificate and its RA certificate. The same certificates also stand in the
 * outer SignedData's certificate set, where clients such as jscep read them; the signer's own
 * certificate is left out, so that the set holds only what is new.
 */
public final class NextCaCertificate {

  private NextCaCertificate() {}

  /**
   * @param next the successor's CA certificate, then its RA certificate
   * @param signer the current RA certificate (RSA), whose {@code key} signs
   */
  public static byte[] signed(
      List<X509CertificateHolder> next, X509CertificateHolder signer, PrivateKey key) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(RsaSignerInfo.sha256(key, signer));
      generator.addCertificates(new CollectionStore<>(next));
      return generator
          .generate(new CMSProcessableByteArray(CertsOnly.certificates(next)), true)
          .getEncoded(ASN1Encoding.DER);
    } catch (CMSException | IOException e) {
      throw new IllegalStateException("The GetNextCACert answer cannot be encoded", e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("The GetNextCACert answer cannot be signed", e);
    }
  }
}
