package org.pkiaas.est.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.est.boundary.EstFailure;
import org.pkiaas.signing.BouncyCastle;

/** The tls-unique channel binding of RFC 7030 §3.5: checked when the CSR carries one. */
class ChannelBindingTest {

  private static final byte[] TLS_UNIQUE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  @Test
  void aCsrWithoutChallengePasswordNeedsNoBinding() throws Exception {
    SimplePkiRequest csr = csr(null);
    assertDoesNotThrow(() -> ChannelBinding.check(csr, null));
    assertDoesNotThrow(() -> ChannelBinding.check(csr, TLS_UNIQUE));
  }

  @Test
  void thisConnectionsTlsUniqueIsAccepted() throws Exception {
    SimplePkiRequest csr =
        csr(new DERPrintableString(Base64.getEncoder().encodeToString(TLS_UNIQUE)));
    assertDoesNotThrow(() -> ChannelBinding.check(csr, TLS_UNIQUE));
  }

  @Test
  void anotherConnectionsTlsUniqueIsForbidden() throws Exception {
    SimplePkiRequest csr =
        csr(new DERPrintableString(Base64.getEncoder().encodeToString(new byte[12])));
    EstFailure failure =
        assertThrows(EstFailure.class, () -> ChannelBinding.check(csr, TLS_UNIQUE));
    assertEquals(EstFailure.Status.FORBIDDEN, failure.status());
  }

  @Test
  void aBindingThatCannotBeCheckedIsRefusedNotTrusted() throws Exception {
    SimplePkiRequest csr =
        csr(new DERPrintableString(Base64.getEncoder().encodeToString(TLS_UNIQUE)));
    EstFailure failure = assertThrows(EstFailure.class, () -> ChannelBinding.check(csr, null));
    assertEquals(EstFailure.Status.BAD_REQUEST, failure.status());
  }

  @Test
  void aChallengePasswordThatIsNoStringIsABadRequest() throws Exception {
    SimplePkiRequest csr = csr(new ASN1Integer(7));
    EstFailure failure =
        assertThrows(EstFailure.class, () -> ChannelBinding.check(csr, TLS_UNIQUE));
    assertEquals(EstFailure.Status.BAD_REQUEST, failure.status());
  }

  /** A signed EC CSR, with {@code challengePassword} as that attribute's value when not null. */
  private static SimplePkiRequest csr(ASN1Encodable challengePassword) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    PKCS10CertificationRequestBuilder builder =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=bound.example.test"), keys.getPublic());
    if (challengePassword != null) {
      builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, challengePassword);
    }
    byte[] der =
        builder
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(keys.getPrivate()))
            .getEncoded();
    return SimplePkiRequest.decode(
        Base64.getEncoder().encodeToString(der).getBytes(StandardCharsets.US_ASCII));
  }
}
