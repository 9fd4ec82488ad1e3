package org.pkiaas.scep.control;

import java.security.PrivateKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.pkiaas.random.Randomness;
import org.pkiaas.signing.BouncyCastle;

/**
 * The CMS signer of SCEP's signed answers that carry no SCEP attributes (GetNextCACert, Apple
 * configuration profiles): SHA-256 with RSA by an RA or service key, with its certificate named.
 * The CertRep has its own, which follows the request's digest and adds the SCEP attributes.
 */
final class RsaSignerInfo {

  private RsaSignerInfo() {}

  static SignerInfoGenerator sha256(PrivateKey key, X509CertificateHolder certificate)
      throws OperatorCreationException {
    return new JcaSignerInfoGeneratorBuilder(
            new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
        .build(
            new JcaContentSignerBuilder("SHA256withRSA")
                .setProvider(BouncyCastle.PROVIDER)
                .setSecureRandom(Randomness.current())
                .build(key),
            certificate);
  }
}
