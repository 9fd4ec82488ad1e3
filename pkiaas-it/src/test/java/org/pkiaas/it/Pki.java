package org.pkiaas.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Test-side PKI: an external root CA that signs PKIaaS CSRs, and PEM parsing. */
public final class Pki {

  public static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private Pki() {}

  public static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A self-signed root with the given path length constraint (null = unlimited), valid from now.
   */
  public static Issuer externalRoot(String commonName, Integer pathLength) {
    KeyPair keys = ecKeyPair();
    X500Name name = new X500Name("CN=" + commonName);
    X509CertificateHolder certificate =
        sign(
            name,
            keys.getPublic(),
            name,
            keys,
            true,
            pathLength,
            null,
            Instant.now().minus(1, ChronoUnit.HOURS),
            Instant.now().plus(30, ChronoUnit.DAYS));
    return new Issuer(certificate, keys);
  }

  public static X509CertificateHolder sign(
      X500Name subject,
      PublicKey key,
      X500Name issuer,
      KeyPair issuerKeys,
      boolean ca,
      Integer pathLength,
      String caIssuersUrl,
      Instant notBefore,
      Instant notAfter) {
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()).setBit(63),
            Date.from(notBefore),
            Date.from(notAfter),
            subject,
            SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    try {
      if (ca) {
        builder.addExtension(
            Extension.basicConstraints,
            true,
            pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      }
      if (caIssuersUrl != null) {
        builder.addExtension(
            Extension.authorityInfoAccess,
            false,
            new AuthorityInformationAccess(
                AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
      }
      return builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA")
              .setProvider(BC)
              .build(issuerKeys.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static X509CertificateHolder certificate(String pem) {
    return certificates(pem).get(0);
  }

  public static List<X509CertificateHolder> certificates(String pem) {
    List<X509CertificateHolder> all = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object next;
      while ((next = parser.readObject()) != null) {
        all.add((X509CertificateHolder) next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  public static PKCS10CertificationRequest csr(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return (PKCS10CertificationRequest) parser.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A private key as encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2). */
  public static String encryptedPem(java.security.PrivateKey key, String password) {
    try {
      var encryptor =
          new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                  org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
              .setProvider(BC)
              .setPassword(password.toCharArray())
              .build();
      return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor).generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
    try {
      return certificate.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BC).build(issuer));
    } catch (Exception e) {
      return false;
    }
  }

  public static byte[] der(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CA outside PKIaaS: its certificate and key. */
  public record Issuer(X509CertificateHolder certificate, KeyPair keys) {

    public X509CertificateHolder issueCa(
        PKCS10CertificationRequest csr, Integer pathLength, String caIssuersUrl) {
      return sign(
          csr.getSubject(),
          publicKey(csr),
          certificate.getSubject(),
          keys,
          true,
          pathLength,
          caIssuersUrl,
          Instant.now().minus(1, ChronoUnit.MINUTES),
          Instant.now().plus(20, ChronoUnit.DAYS));
    }

    public X509CertificateHolder issueEndEntity(PKCS10CertificationRequest csr) {
      return sign(
          csr.getSubject(),
          publicKey(csr),
          certificate.getSubject(),
          keys,
          false,
          null,
          null,
          Instant.now().minus(1, ChronoUnit.MINUTES),
          Instant.now().plus(20, ChronoUnit.DAYS));
    }

    private static PublicKey publicKey(PKCS10CertificationRequest csr) {
      try {
        return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr)
            .setProvider(BC)
            .getPublicKey();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
