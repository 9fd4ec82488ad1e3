package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;

/**
 * Mutated DER must never make the CSR reader fail with anything but its own refusal: a client gets
 * 400 or badCSR for any bytes it sends, never a server error.
 */
class CsrReaderFuzzTest {

  private static final byte[] CSR = validCsr();

  @Property(tries = 3000)
  void mutatedCsrIsReadOrRefusedCleanly(
      @ForAll("mutations") Tuple3<Integer, Integer, Integer> mutation) {
    byte[] mutated = mutate(CSR, mutation.get1(), mutation.get2(), mutation.get3());
    String base64 = Base64.getEncoder().encodeToString(mutated);
    try {
      CsrReader.read("csr", base64);
    } catch (InvalidInputException e) {
      assertEquals("csr", e.field());
    }
  }

  @Property(tries = 500)
  void truncatedCsrIsRefused(@ForAll("cuts") int length) {
    byte[] cut = java.util.Arrays.copyOf(CSR, length);
    assertThrows(
        InvalidInputException.class,
        () -> CsrReader.read("csr", Base64.getEncoder().encodeToString(cut)));
  }

  @Provide
  Arbitrary<Tuple3<Integer, Integer, Integer>> mutations() {
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            kind ->
                Arbitraries.integers()
                    .between(0, CSR.length - 1)
                    .flatMap(
                        at ->
                            Arbitraries.integers()
                                .between(0, 255)
                                .map(value -> Tuple.of(kind, at, value))));
  }

  @Provide
  Arbitrary<Integer> cuts() {
    return Arbitraries.integers().between(0, CSR.length - 1);
  }

  /** 0: replace a byte, 1: flip one bit, 2: insert a byte, 3: delete a byte. */
  private static byte[] mutate(byte[] der, int kind, int at, int value) {
    byte[] copy;
    switch (kind) {
      case 0 -> {
        copy = der.clone();
        copy[at] = (byte) value;
      }
      case 1 -> {
        copy = der.clone();
        copy[at] ^= (byte) (1 << (value % 8));
      }
      case 2 -> {
        copy = new byte[der.length + 1];
        System.arraycopy(der, 0, copy, 0, at);
        copy[at] = (byte) value;
        System.arraycopy(der, at, copy, at + 1, der.length - at);
      }
      default -> {
        copy = new byte[der.length - 1];
        System.arraycopy(der, 0, copy, 0, at);
        System.arraycopy(der, at + 1, copy, at, der.length - at - 1);
      }
    }
    return copy;
  }

  private static byte[] validCsr() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair key = generator.generateKeyPair();
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "www.example.com"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/a,b"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.1")
              }));
      return new JcaPKCS10CertificationRequestBuilder(
              new X500Name("CN=www.example.com,O=Example"), key.getPublic())
          .addAttribute(
              org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
              extensions.generate())
          .build(
              new JcaContentSignerBuilder("SHA256withECDSA")
                  .setProvider(BouncyCastle.PROVIDER)
                  .build(key.getPrivate()))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
