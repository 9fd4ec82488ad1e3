package org.pkiaas.ca.control;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.Der;

/**
 * The server's half of provisioning a CA whose key is on an IoT-HSM device (user guide 10.3): the
 * template certificate the agent copies onto the token's key, and the check of the certificate the
 * agent made (or had signed) before the CA is bound to that key.
 */
public final class HsmProvisioning {

  private HsmProvisioning() {}

  /**
   * The CA as it will be (RFC 5280 §4.1: subject, validity, and the CA extensions of §4.2.1.3, 9,
   * 12), self-signed with a throwaway key of the CA's key type, which tells the agent what to
   * generate. The agent replaces the key, the key identifiers, the serial and the signature.
   */
  public static X509CertificateHolder template(CertificateAuthority ca) {
    KeySpec spec = ca.keySpec();
    var throwaway = spec.generate();
    CaSigner signer =
        CaSigner.software(throwaway.getPrivate(), throwaway.getPublic(), ca.signatureAlgorithm());
    return CaCertificateBuilder.selfSigned(
        new CaProfile(
            new X500Name(ca.subjectDn()),
            ca.validityDays(),
            ca.pathLength(),
            ca.keyUsage(),
            ca.extendedKeyUsage()),
        signer);
  }

  /**
   * The device key the imported certificate names, if it can be this CA's: the key type the CA was
   * created for (RSA or EC; the size or curve may differ), able to sign with the CA's signature
   * algorithm.
   *
   * @return the key's DER SubjectPublicKeyInfo
   */
  public static byte[] deviceKey(CertificateAuthority ca, String certificatePem) {
    List<X509CertificateHolder> given = Pem.certificates("certificatePem", certificatePem);
    byte[] key = Der.encoded(given.get(0).getSubjectPublicKeyInfo());
    KeySpec spec;
    try {
      spec = KeySpec.of(CaSigners.publicKey(key));
    } catch (RuntimeException e) {
      throw new InvalidInputException("certificatePem", "The certificate's key cannot be read");
    }
    if (spec.algorithm() != ca.keySpec().algorithm()) {
      throw new InvalidInputException(
          "certificatePem",
          "The certificate's key is "
              + spec
              + "; this CA was created for a "
              + ca.keySpec().algorithm()
              + " key on the device");
    }
    if (!spec.signatureAlgorithms().contains(ca.signatureAlgorithm())) {
      throw new InvalidInputException(
          "certificatePem",
          "A " + spec + " key cannot sign with this CA's " + ca.signatureAlgorithm());
    }
    return key;
  }
}
