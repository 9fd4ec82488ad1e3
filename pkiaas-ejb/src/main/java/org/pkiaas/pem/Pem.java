package org.pkiaas.pem;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.jcajce.interfaces.SLHDSAPrivateKey;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;

/**
 * PEM (RFC 7468) in and out: certificates, and private keys as PKCS#8 (RFC 5958, plain or
 * encrypted), PKCS#1 (RFC 8017) or SEC1 (RFC 5915), optionally with legacy OpenSSL encryption.
 * Errors name the API field they came from and never echo key material.
 */
public final class Pem {

  private Pem() {}

  public static String encode(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static String certificate(byte[] der) {
    return encode("CERTIFICATE", der);
  }

  /** Every certificate in {@code pem}, in order; anything else in the text is refused. */
  public static List<X509CertificateHolder> certificates(String field, String pem) {
    if (pem == null || pem.isBlank()) {
      throw new InvalidInputException(field, "A PEM certificate is required");
    }
    List<X509CertificateHolder> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object next;
      while ((next = parser.readObject()) != null) {
        if (!(next instanceof X509CertificateHolder certificate)) {
          throw new InvalidInputException(field, "Only CERTIFICATE blocks are expected here");
        }
        certificates.add(certificate);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException(field, "The PEM certificate could not be parsed");
    }
    if (certificates.isEmpty()) {
      throw new InvalidInputException(
          field, "No PEM certificate (-----BEGIN CERTIFICATE-----) was found");
    }
    return certificates;
  }

  /** Parses a private key and derives its public key. */
  public static KeyPair privateKey(String pem, String password) {
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      parsed = parser.readObject();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException("privateKeyPem", "The private key is not valid PEM");
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
    try {
      if (parsed instanceof PrivateKeyInfo info) {
        return withPublic(converter.getPrivateKey(info));
      }
      if (parsed instanceof PEMKeyPair pair) {
        // RFC 5915 makes the public key of a SEC1 key optional: derive it when absent.
        return pair.getPublicKeyInfo() == null
            ? withPublic(converter.getPrivateKey(pair.getPrivateKeyInfo()))
            : converter.getKeyPair(pair);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("privateKeyPem", "The private key could not be read");
    }
    char[] secret = null;
    try {
      if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        secret = requirePassword(password);
        PrivateKeyInfo info =
            encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(secret));
        return withPublic(converter.getPrivateKey(info));
      }
      if (parsed instanceof PEMEncryptedKeyPair encrypted) {
        secret = requirePassword(password);
        return converter.getKeyPair(
            encrypted.decryptKeyPair(
                new JcePEMDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(secret)));
      }
    } catch (PKCSException | OperatorCreationException | IOException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "privateKeyPassword", "The private key could not be decrypted: is the password right?");
    } finally {
      if (secret != null) {
        java.util.Arrays.fill(secret, '\0');
      }
    }
    throw new InvalidInputException(
        "privateKeyPem",
        "Expected a PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
  }

  private static char[] requirePassword(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException(
          "privateKeyPassword", "The private key is encrypted: give its password");
    }
    return password.toCharArray();
  }

  private static KeyPair withPublic(PrivateKey key) {
    return new KeyPair(publicKeyOf(key), key);
  }

  private static PublicKey publicKeyOf(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA", BouncyCastle.PROVIDER)
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof ECPrivateKey ec) {
        BigInteger d = ec.getD();
        var q = ec.getParameters().getG().multiply(d).normalize();
        return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
            .generatePublic(new ECPublicKeySpec(q, ec.getParameters()));
      }
      if (key instanceof EdDSAPrivateKey ed) {
        return ed.getPublicKey();
      }
      if (key instanceof MLDSAPrivateKey mldsa) {
        return mldsa.getPublicKey();
      }
      if (key instanceof SLHDSAPrivateKey slhdsa) {
        return slhdsa.getPublicKey();
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(
          "privateKeyPem", "The public key cannot be derived from this private key");
    }
    throw new InvalidInputException(
        "privateKeyPem", "Private keys of type " + key.getAlgorithm() + " are not supported");
  }
}
