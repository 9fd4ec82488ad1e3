package org.pkiaas.hsm.agent;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.security.auth.login.LoginException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One PKCS#11 token, through the JDK's {@code SunPKCS11} provider. A key is addressed by its alias
 * (the {@code CKA_LABEL} of its objects); each key has a certificate beside it on the token: a
 * placeholder after {@link #generate}, then the CA certificate after provisioning.
 */
final class Token implements AutoCloseable {

  /** The key types the agent generates. */
  enum KeyType {
    RSA_2048("RSA", 2048),
    RSA_3072("RSA", 3072),
    RSA_4096("RSA", 4096),
    P_256("EC", "secp256r1"),
    P_384("EC", "secp384r1");

    private final String algorithm;
    private final Object parameter;

    KeyType(String algorithm, Object parameter) {
      this.algorithm = algorithm;
      this.parameter = parameter;
    }

    static KeyType parse(String text) {
      return valueOf(text.toUpperCase().replace('-', '_'));
    }
  }

  private final Provider provider;
  private final KeyStore keyStore;

  private Token(Provider provider, KeyStore keyStore) {
    this.provider = provider;
    this.keyStore = keyStore;
  }

  /**
   * Opens and logs in to the token in a slot.
   *
   * @param library the PKCS#11 library ({@code libsofthsm2.so}, {@code libykcs11.so})
   * @param slot the slot id, as {@code slots} lists it
   * @param pin the user PIN
   */
  static Token open(String library, long slot, char[] pin) throws GeneralSecurityException {
    String config =
        "--name = IotHsm\n"
            + "library = "
            + library
            + "\n"
            + "slot = "
            + slot
            + "\n"
            + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
            + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
    Provider provider = Security.getProvider("SunPKCS11").configure(config);
    KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
    try {
      keyStore.load(null, pin);
    } catch (IOException e) {
      throw new GeneralSecurityException("Cannot log in to the token in slot " + slot, e);
    }
    return new Token(provider, keyStore);
  }

  Provider provider() {
    return provider;
  }

  List<String> aliases() throws GeneralSecurityException {
    return Collections.list(keyStore.aliases());
  }

  PrivateKey privateKey(String alias) throws GeneralSecurityException {
    if (!(keyStore.getKey(alias, null) instanceof PrivateKey key)) {
      throw new GeneralSecurityException("No private key with alias " + alias + " on the token");
    }
    return key;
  }

  X509Certificate certificate(String alias) throws GeneralSecurityException {
    if (!(keyStore.getCertificate(alias) instanceof X509Certificate certificate)) {
      throw new GeneralSecurityException("No certificate with alias " + alias + " on the token");
    }
    return certificate;
  }

  /** Generates a key pair on the token, with a placeholder certificate to hold it under alias. */
  X509Certificate generate(String alias, KeyType type) throws GeneralSecurityException {
    if (keyStore.containsAlias(alias)) {
      throw new GeneralSecurityException("The token already has a key with alias " + alias);
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm, provider);
    if (type.parameter instanceof Integer bits) {
      generator.initialize(bits);
    } else {
      generator.initialize(new ECGenParameterSpec((String) type.parameter));
    }
    KeyPair pair = generator.generateKeyPair();
    X509Certificate placeholder = placeholder(alias, pair);
    keyStore.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {placeholder});
    return placeholder;
  }

  /** Imports a key and its chain from a PKCS#12 file. */
  X509Certificate importPkcs12(String alias, Path file, char[] password)
      throws GeneralSecurityException, IOException {
    KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      pkcs12.load(in, password);
    }
    for (String entry : Collections.list(pkcs12.aliases())) {
      if (pkcs12.isKeyEntry(entry)) {
        keyStore.setKeyEntry(
            alias, pkcs12.getKey(entry, password), null, pkcs12.getCertificateChain(entry));
        return certificate(alias);
      }
    }
    throw new GeneralSecurityException("The PKCS#12 file holds no private key");
  }

  /** Replaces the certificate chain beside a key; the chain's first key must be the key's. */
  void storeChain(String alias, List<X509Certificate> chain) throws GeneralSecurityException {
    if (!chain.get(0).getPublicKey().equals(certificate(alias).getPublicKey())) {
      throw new GeneralSecurityException("The certificate is not for the key " + alias);
    }
    keyStore.setKeyEntry(alias, privateKey(alias), null, chain.toArray(new Certificate[0]));
  }

  /** Signs with a key on the token, for Bouncy Castle's builders. */
  ContentSigner contentSigner(String alias) throws GeneralSecurityException {
    PrivateKey key = privateKey(alias);
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm(certificate(alias).getPublicKey()))
          .setProvider(provider)
          .build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot sign with key " + alias, e);
    }
  }

  static String signatureAlgorithm(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getOrder().bitLength() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
    return "SHA256withRSA";
  }

  private X509Certificate placeholder(String alias, KeyPair pair) throws GeneralSecurityException {
    X500Principal name = new X500Principal("CN=IoT-HSM key " + alias);
    Instant now = Instant.now();
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(signatureAlgorithm(pair.getPublic()))
              .setProvider(provider)
              .build(pair.getPrivate());
      return new JcaX509CertificateConverter()
          .getCertificate(
              new JcaX509v3CertificateBuilder(
                      name,
                      BigInteger.valueOf(now.toEpochMilli()),
                      Date.from(now),
                      Date.from(now.plus(Duration.ofDays(1))),
                      name,
                      pair.getPublic())
                  .build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot sign the placeholder certificate", e);
    }
  }

  @Override
  public void close() {
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException e) {
      // The session ends with the process anyway.
    }
  }
}
