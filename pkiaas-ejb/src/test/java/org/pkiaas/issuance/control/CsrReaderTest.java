package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.x509.DerStructureTest;

class CsrReaderTest {

  private static PKCS10CertificationRequest csr() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=reader.test"), keys.getPublic())
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(BouncyCastle.PROVIDER)
                .build(keys.getPrivate()));
  }

  @Test
  void readsPemAndBase64Der() throws Exception {
    PKCS10CertificationRequest csr = csr();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(csr);
    }
    assertEquals(csr.getSubject(), CsrReader.read("csr", pem.toString()).csr().getSubject());
    assertEquals(
        csr.getSubject(),
        CsrReader.read("csr", Base64.getEncoder().encodeToString(csr.getEncoded()))
            .csr()
            .getSubject());
  }

  @Test
  void readGivesTheRequestAsTheProfileSeesIt() throws Exception {
    PKCS10CertificationRequest csr = csr();

    CsrReader.Verified read = CsrReader.read("csr", csr.getEncoded());

    assertEquals(csr, read.csr());
    assertEquals(CsrReader.request("csr", csr), read.request());
    assertEquals(new X500Name("CN=reader.test"), read.request().subject());
  }

  @Test
  void aForgedSignatureIsRefused() throws Exception {
    byte[] der = csr().getEncoded();
    der[der.length - 3] ^= 1; // inside the signature's integers

    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> CsrReader.read("csr", der));
    assertEquals("csr", refused.field());
    assertEquals("The CSR's signature does not verify with its own key", refused.getMessage());
  }

  @Test
  void anOversizedDerCsrIsRefusedBeforeItIsParsed() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class, () -> CsrReader.read("csr", new byte[256 * 1024 + 1]));
    assertEquals("csr", refused.field());
    assertEquals("The CSR is larger than 256 KiB", refused.getMessage());
  }

  @Test
  void deepNestingIsABadCsrNotAStackOverflow() {
    String deep = Base64.getEncoder().encodeToString(DerStructureTest.nested(3000));
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> CsrReader.read("csr", deep));
    assertEquals("csr", refused.field());
    String pem =
        "-----BEGIN CERTIFICATE REQUEST-----\n"
            + Base64.getMimeEncoder().encodeToString(DerStructureTest.nested(3000))
            + "\n-----END CERTIFICATE REQUEST-----\n";
    assertThrows(InvalidInputException.class, () -> CsrReader.read("csr", pem));
    assertThrows(
        InvalidInputException.class,
        () ->
            CsrReader.read(
                "csr", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
  }
}
