package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class TlsAlpnProbeTest {

  private static final byte[] DIGEST = sha256("token.thumbprint");

  /**
   * RFC 8738 §6: an address is asked for by its reverse-mapping name (RFC 1035 §3.5, RFC 3596
   * §2.5).
   */
  @Test
  void addressesAreAskedForByTheirReverseName() throws Exception {
    assertEquals(
        "1.2.0.192.in-addr.arpa", TlsAlpnProbe.reverseName(InetAddress.getByName("192.0.2.1")));
    assertEquals(
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
        TlsAlpnProbe.reverseName(InetAddress.getByName("2001:db8::1")));
  }

  @Test
  void theKeyAuthorizationsDigestInAnOctetStringPasses() throws Exception {
    assertNull(inspect(new DEROctetString(DIGEST)));
  }

  /**
   * RFC 8737 §3: the extension's value is an OCTET STRING; anything else is a wrong answer, not a
   * broken validator.
   */
  @Test
  void anAcmeIdentifierThatIsNoOctetStringIsAnIncorrectResponse() throws Exception {
    ChallengeChecks.Failure failure = inspect(new DERUTF8String("not an octet string"));
    assertEquals("incorrectResponse", failure.type());
    assertTrue(failure.detail().contains("OCTET STRING"), failure::detail);
  }

  private static ChallengeChecks.Failure inspect(ASN1Encodable acmeIdentifier) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    X500Name name = new X500Name("CN=acme.example");
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(Instant.now().minusSeconds(60)),
            Date.from(Instant.now().plusSeconds(3600)),
            name,
            key.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "acme.example")));
    builder.addExtension(TlsAlpnProbe.ACME_IDENTIFIER, true, acmeIdentifier);
    X509CertificateHolder certificate =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    return TlsAlpnProbe.inspect(
        certificate,
        "acme.example",
        false,
        InetAddress.getLoopbackAddress(),
        DIGEST,
        "127.0.0.1:443");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
