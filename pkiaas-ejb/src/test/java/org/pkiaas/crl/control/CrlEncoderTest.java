package org.pkiaas.crl.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.OpenSsl;

/**
 * The streaming encoder against Bouncy Castle's general CRL builder (the same to-be-signed bytes
 * for the same input) and against openssl, which must parse and verify what it writes.
 */
class CrlEncoderTest {

  private static final X500Name ISSUER = new X500Name("CN=Encoder Test CA,O=PKIaaS");
  private static final Instant THIS_UPDATE = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant NEXT_UPDATE = Instant.parse("2026-12-27T10:00:00Z");
  private static KeyPair keys;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("P-256"));
    keys = generator.generateKeyPair();
  }

  private static ContentSigner signer() throws Exception {
    return new JcaContentSignerBuilder("SHA256withECDSA")
        .setProvider(BouncyCastle.PROVIDER)
        .build(keys.getPrivate());
  }

  private static Extensions extensions(long number) {
    return new Extensions(
        new Extension(
            Extension.cRLNumber, false, org.pkiaas.x509.Der.encoded(new ASN1Integer(number))));
  }

  @Test
  void writesWhatBouncyCastleWritesForTheSameEntries() throws Exception {
    BigInteger big = new BigInteger("7f3c364ec93290caaf869ddbccbece82", 16);
    BigInteger highBit =
        new BigInteger("ff3c364ec93290caaf869ddbccbece82", 16); // needs a leading zero octet
    Instant revoked = Instant.parse("2026-11-01T08:30:15Z");
    Instant invalid = Instant.parse("2026-10-30T00:00:00Z");
    Instant farFuture = Instant.parse("2051-01-01T00:00:00Z"); // GeneralizedTime from 2050 on

    CrlEncoder encoder = new CrlEncoder();
    encoder.add(big, revoked, CRLReason.keyCompromise, invalid);
    encoder.add(highBit, revoked, 0, null);
    encoder.add(BigInteger.ONE, farFuture, CRLReason.certificateHold, null);
    encoder.add(BigInteger.valueOf(128), revoked, CRLReason.aACompromise, null);
    X509CRLHolder ours =
        new X509CRLHolder(
            encoder
                .finish(signer(), ISSUER, THIS_UPDATE, NEXT_UPDATE, extensions(7))
                .toByteArray());

    X509v2CRLBuilder builder = new X509v2CRLBuilder(ISSUER, Date.from(THIS_UPDATE));
    builder.setNextUpdate(Date.from(NEXT_UPDATE));
    builder.addCRLEntry(big, Date.from(revoked), CRLReason.keyCompromise, Date.from(invalid));
    builder.addCRLEntry(highBit, Date.from(revoked), CRLReason.unspecified);
    builder.addCRLEntry(BigInteger.ONE, Date.from(farFuture), CRLReason.certificateHold);
    builder.addCRLEntry(BigInteger.valueOf(128), Date.from(revoked), CRLReason.aACompromise);
    builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(7));
    X509CRLHolder theirs = builder.build(signer());

    assertArrayEquals(
        theirs.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER),
        ours.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER));
    assertTrue(
        ours.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(keys.getPublic())));
    assertEquals(4, ours.getRevokedCertificates().size());
    X509CRLEntryHolder unspecified = ours.getRevokedCertificate(highBit);
    assertNull(unspecified.getExtensions(), "RFC 5280 §5.3.1: no reason code for unspecified");
  }

  @Test
  void leavesOutAnEmptyListOfRevokedCertificates() throws Exception {
    byte[] der =
        new CrlEncoder()
            .finish(signer(), ISSUER, THIS_UPDATE, NEXT_UPDATE, extensions(1))
            .toByteArray();
    CertificateList list = CertificateList.getInstance(der);
    ASN1Sequence tbs = ASN1Sequence.getInstance(list.getTBSCertList().toASN1Primitive());
    // version, signature, issuer, thisUpdate, nextUpdate, [0] crlExtensions: no revokedCertificates
    // at all
    assertEquals(6, tbs.size(), "RFC 5280 §5.1.2.6: absent, not empty");
    assertTrue(tbs.getObjectAt(5) instanceof ASN1TaggedObject);
    assertEquals(2, list.getTBSCertList().getVersionNumber());
  }

  @Test
  void opensslParsesAndVerifiesALargeCrl() throws Exception {
    CrlEncoder encoder = new CrlEncoder();
    for (int i = 1; i <= 50_000; i++) { // a few megabytes: crosses block boundaries many times
      encoder.add(
          BigInteger.valueOf(i).shiftLeft(64).add(BigInteger.valueOf(i)),
          Instant.parse("2026-11-01T00:00:00Z"),
          i % 11 == 7 ? 0 : i % 11,
          i % 3 == 0 ? Instant.parse("2026-10-01T00:00:00Z") : null);
    }
    ChunkedBytes crl = encoder.finish(signer(), ISSUER, THIS_UPDATE, NEXT_UPDATE, extensions(42));
    assertTrue(crl.blocks().size() > 1);
    Files.write(dir.resolve("large.crl"), crl.toByteArray());
    Files.writeString(dir.resolve("ca.pem"), selfSigned());
    String text =
        OpenSsl.ok(
            dir,
            "crl",
            "-inform",
            "DER",
            "-in",
            "large.crl",
            "-CAfile",
            "ca.pem",
            "-noout",
            "-text");
    assertTrue(text.matches("(?s).*CRL Number:\\s+42\\s.*"), text.substring(0, 600));
    assertEquals(50_000, text.split("Serial Number:").length - 1);
    String verified =
        OpenSsl.run(dir, "crl", "-inform", "DER", "-in", "large.crl", "-CAfile", "ca.pem", "-noout")
            .output();
    assertTrue(verified.contains("verify OK"), verified);
  }

  @Test
  void refusesSerialsThatAreNotPositive() {
    CrlEncoder encoder = new CrlEncoder();
    assertThrows(
        IllegalArgumentException.class, () -> encoder.add(BigInteger.ZERO, THIS_UPDATE, 0, null));
  }

  @Test
  void chunkedBytesKeepTheirOrderAcrossBlocks() {
    ChunkedBytes bytes = new ChunkedBytes();
    byte[] big = new byte[ChunkedBytes.BLOCK + 10];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    bytes.write(new byte[] {1, 2, 3});
    bytes.append(new byte[] {4});
    bytes.write(big);
    byte[] all = bytes.toByteArray();
    assertEquals(4 + big.length, all.length);
    assertEquals(4, all[3]);
    assertEquals(big[big.length - 1], all[all.length - 1]);
    assertEquals(
        List.of(3, 1, ChunkedBytes.BLOCK, 10),
        bytes.blocks().stream().map(b -> b.length).toList(),
        "written bytes fill blocks; appended arrays stay blocks of their own");
  }

  private String selfSigned() throws Exception {
    var builder =
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            ISSUER,
            BigInteger.TEN,
            Date.from(Instant.parse("2026-01-01T00:00:00Z")),
            Date.from(Instant.parse("2036-01-01T00:00:00Z")),
            ISSUER,
            keys.getPublic());
    builder.addExtension(
        Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new org.bouncycastle.asn1.x509.KeyUsage(
            org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
                | org.bouncycastle.asn1.x509.KeyUsage.cRLSign));
    return org.pkiaas.pem.Pem.certificate(builder.build(signer()).getEncoded());
  }
}
