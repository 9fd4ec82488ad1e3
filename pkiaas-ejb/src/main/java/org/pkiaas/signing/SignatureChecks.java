package org.pkiaas.signing;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signature checks that check once. For RSA PKCS#1 v1.5 and ECDSA, Bouncy Castle's {@link
 * JcaContentVerifierProviderBuilder} hands out a verifier that, after the real check, runs a second
 * one on a raw ("NONEwith…") signature object over nothing, to release PKCS#11 sessions; for a
 * P-256 CSR that second check is a full point multiplication, doubling the cost of the check every
 * issuance makes. These algorithms, which take no parameters, get one {@link Signature} here; the
 * others (RSASSA-PSS, EdDSA, ML-DSA, SLH-DSA), which never get the raw signature, go through the
 * builder as before.
 */
public final class SignatureChecks {

  private static final Set<ASN1ObjectIdentifier> PLAIN =
      Set.of(
          X9ObjectIdentifiers.ecdsa_with_SHA1,
          X9ObjectIdentifiers.ecdsa_with_SHA224,
          X9ObjectIdentifiers.ecdsa_with_SHA256,
          X9ObjectIdentifiers.ecdsa_with_SHA384,
          X9ObjectIdentifiers.ecdsa_with_SHA512,
          PKCSObjectIdentifiers.sha1WithRSAEncryption,
          PKCSObjectIdentifiers.sha224WithRSAEncryption,
          PKCSObjectIdentifiers.sha256WithRSAEncryption,
          PKCSObjectIdentifiers.sha384WithRSAEncryption,
          PKCSObjectIdentifiers.sha512WithRSAEncryption);

  private SignatureChecks() {}

  /** Verifiers for signatures made with the private half of {@code key}. */
  public static ContentVerifierProvider of(SubjectPublicKeyInfo key)
      throws OperatorCreationException {
    PublicKey publicKey;
    try {
      publicKey = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(key);
    } catch (PEMException e) {
      throw new OperatorCreationException("Unreadable public key: " + e.getMessage(), e);
    }
    return new ContentVerifierProvider() {
      @Override
      public boolean hasAssociatedCertificate() {
        return false;
      }

      @Override
      public X509CertificateHolder getAssociatedCertificate() {
        return null;
      }

      @Override
      public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (!plain(algorithm)) {
          return new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.PROVIDER)
              .build(publicKey)
              .get(algorithm);
        }
        try {
          Signature signature =
              Signature.getInstance(algorithm.getAlgorithm().getId(), BouncyCastle.PROVIDER);
          signature.initVerify(publicKey);
          return new OneCheck(algorithm, signature);
        } catch (GeneralSecurityException e) {
          throw new OperatorCreationException(
              "Cannot check a " + algorithm.getAlgorithm() + " signature: " + e.getMessage(), e);
        }
      }
    };
  }

  /** An RSA PKCS#1 v1.5 or ECDSA algorithm, without parameters (or with the NULL RSA takes). */
  static boolean plain(AlgorithmIdentifier algorithm) {
    return PLAIN.contains(algorithm.getAlgorithm())
        && (algorithm.getParameters() == null
            || DERNull.INSTANCE.equals(algorithm.getParameters()));
  }

  private static final class OneCheck implements ContentVerifier {

    private final AlgorithmIdentifier algorithm;
    private final Signature signature;
    private final OutputStream stream;

    OneCheck(AlgorithmIdentifier algorithm, Signature signature) {
      this.algorithm = algorithm;
      this.signature = signature;
      this.stream = OutputStreamFactory.createStream(signature);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return stream;
    }

    @Override
    public boolean verify(byte[] expected) {
      try {
        return signature.verify(expected);
      } catch (SignatureException e) {
        throw new RuntimeOperatorException("The signature cannot be checked: " + e.getMessage(), e);
      }
    }
  }
}
