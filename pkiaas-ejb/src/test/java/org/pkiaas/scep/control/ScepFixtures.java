package org.pkiaas.scep.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemReader;
import org.pkiaas.signing.BouncyCastle;

/** The captured messages and test keys under {@code src/test/resources/scep/}. */
final class ScepFixtures {

  private ScepFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = ScepFixtures.class.getResourceAsStream("/scep/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pem(String name) {
    try (PemReader reader =
        new PemReader(new StringReader(new String(bytes(name), StandardCharsets.US_ASCII)))) {
      return reader.readPemObject().getContent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PrivateKey key(String name) {
    try {
      return KeyFactory.getInstance("RSA", BouncyCastle.PROVIDER)
          .generatePrivate(new PKCS8EncodedKeySpec(pem(name)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static X509CertificateHolder ca() {
    try {
      return new X509CertificateHolder(pem("fixture-ca.pem"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PkcsPkiEnvelope.Recipient caRecipient() {
    return new PkcsPkiEnvelope.Recipient(ca(), key("fixture-ca.key"));
  }
}
