package org.pkiaas.it;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * CSRs made in the test, for key types openssl 3.0 cannot make (ML-DSA) or when the key is needed.
 */
public final class Csrs {

  /**
   * A P-256 key and CSR made by openssl ({@code openssl req}) in {@code dir}, as {@code <name>.key}
   * and {@code <name>.csr}, for {@code /CN=<cn>} with that name as its DNS SAN.
   */
  public static java.nio.file.Path openssl(java.nio.file.Path dir, String name, String cn) {
    Tools.ok(
        dir,
        "openssl",
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr",
        "-subj",
        "/CN=" + cn,
        "-addext",
        "subjectAltName=DNS:" + cn);
    return dir.resolve(name + ".csr");
  }

  private Csrs() {}

  public static KeyPair keys(String algorithm) {
    try {
      KeyPairGenerator generator =
          KeyPairGenerator.getInstance(
              algorithm.startsWith("ML-DSA") ? "ML-DSA" : algorithm, Pki.BC);
      AlgorithmParameterSpec spec =
          switch (algorithm) {
            case "RSA" -> new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4);
            case "EC" -> new ECGenParameterSpec("secp256r1");
            case "ML-DSA-65" -> MLDSAParameterSpec.ml_dsa_65;
            default -> null;
          };
      if (spec != null) {
        generator.initialize(spec);
      }
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PEM CSR for {@code subject} with DNS names, signed by {@code keys}. */
  public static String csr(KeyPair keys, String subject, List<String> dnsNames) {
    try {
      var builder =
          new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
      if (!dnsNames.isEmpty()) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                dnsNames.stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new)));
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      }
      String algorithm =
          switch (keys.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> keys.getPublic().getAlgorithm();
          };
      PKCS10CertificationRequest csr =
          builder.build(
              new JcaContentSignerBuilder(algorithm).setProvider(Pki.BC).build(keys.getPrivate()));
      return Pki.pem(csr);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
