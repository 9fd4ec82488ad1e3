package org.pkiaas.https.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issued key store: written whole, owner-only, read back, and removed. */
class IssuedKeystoreTest {

  @TempDir Path directory;

  private static byte[] certificate(String subject, KeyPair key, String issuer, KeyPair signer)
      throws Exception {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuer),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now),
            Date.from(now.plusSeconds(3600)),
            new X500Name("CN=" + subject),
            key.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()))
        .getEncoded();
  }

  @Test
  void aWrittenKeyStoreIsOwnerOnlyAndReadsBack() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    KeyPair ca = generator.generateKeyPair();
    KeyPair server = generator.generateKeyPair();
    byte[] caCertificate = certificate("ca", ca, "ca", ca);
    byte[] leaf = certificate("localhost", server, "ca", ca);
    IssuedKeystore keystore = new IssuedKeystore(directory.resolve("https.p12"), "secret");
    assertEquals(directory.resolve(IssuedKeystore.FILE), keystore.file());
    assertTrue(keystore.chain().isEmpty());

    keystore.write(server.getPrivate(), List.of(leaf, caCertificate));

    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.file())));
    List<X509Certificate> chain = keystore.chain().orElseThrow();
    assertEquals(2, chain.size());
    assertArrayEquals(leaf, chain.get(0).getEncoded());
    assertArrayEquals(caCertificate, chain.get(1).getEncoded());
    try (var files = Files.list(directory)) {
      assertEquals(List.of(keystore.file()), files.toList(), "no temporary file left behind");
    }
    assertTrue(new IssuedKeystore(directory.resolve("https.p12"), "other").chain().isEmpty());

    assertTrue(keystore.delete());
    assertFalse(Files.exists(keystore.file()));
    assertFalse(keystore.delete());
  }
}
